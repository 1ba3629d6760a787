package dev.primus.instrumentation.spring;

import dev.primus.instrumentation.weaving.Patch;
import java.util.ArrayList;
import java.util.List;

/** Spring MVC's handler adapter, for Spring 5 ({@code javax.servlet}) and 6 and later ({@code jakarta.servlet}). */
public final class SpringMvcPatches {
    private SpringMvcPatches() {
    }

    public static List<Patch> all() {
        List<Patch> patches = new ArrayList<Patch>();
        for (String api : new String[] {"javax/servlet", "jakarta/servlet"}) {
            patches.add(Patch.guardArgument("org/springframework/web/servlet/mvc/method/AbstractHandlerMethodAdapter",
                    "handle", "(L" + api + "/http/HttpServletRequest;L" + api + "/http/HttpServletResponse;Ljava/lang/Object;)"
                            + "Lorg/springframework/web/servlet/ModelAndView;", 2,
                    "dev/primus/bootstrap/AuthGate", "enterHandler",
                    "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", null, 0, 1).inAnyLoader());
        }
        return patches;
    }
}
