# $CATALINA_BASE/bin/setenv.sh (or $CATALINA_HOME/bin/setenv.sh): catalina.sh sources it.
# CATALINA_OPTS, not JAVA_OPTS: it applies to "catalina.sh start" and "run" only, so the JVM
# that "catalina.sh stop" starts does not load the agent too.
CATALINA_OPTS="$CATALINA_OPTS -javaagent:/opt/primus/primus-agent.jar=config=/etc/primus/primus.yaml"

# Kill switch: the agent installs nothing at the next start. No running JVM changes.
# CATALINA_OPTS="$CATALINA_OPTS -Dprimus.enabled=false"

export CATALINA_OPTS
