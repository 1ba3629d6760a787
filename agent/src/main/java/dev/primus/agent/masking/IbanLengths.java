package dev.primus.agent.masking;

/**
 * The IBAN length of each country in the SWIFT IBAN Registry (release 99); 0 for a country
 * without IBANs. The territories the registry files under France (GF GP MQ RE PF TF YT NC BL
 * MF PM WF), the United Kingdom (IM JE GG) and Finland (AX) have that country's length.
 */
final class IbanLengths {
    private static final byte[] LENGTHS = new byte[26 * 26];

    static {
        String table = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 "
                + "DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28 IE22 "
                + "IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 "
                + "MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 "
                + "SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30 "
                + "GF27 GP27 MQ27 RE27 PF27 TF27 YT27 NC27 BL27 MF27 PM27 WF27 IM22 JE22 GG22 AX18";
        for (String entry : table.split(" ")) {
            LENGTHS[index(entry.charAt(0), entry.charAt(1))] = Byte.parseByte(entry.substring(2));
        }
    }

    private IbanLengths() {
    }

    /** Both letters must be 'A'..'Z'. */
    static int of(char first, char second) {
        return LENGTHS[index(first, second)];
    }

    private static int index(char first, char second) {
        return (first - 'A') * 26 + (second - 'A');
    }
}
