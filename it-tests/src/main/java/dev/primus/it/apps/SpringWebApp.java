package dev.primus.it.apps;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A Spring Boot 3 web app (embedded Tomcat). Prints {@code READY port} once it listens. */
// No component scan: the apps of this package are separate apps, each its own only bean.
@SpringBootConfiguration
@EnableAutoConfiguration
@RestController
public class SpringWebApp {
    public static void main(String[] args) {
        SpringApplication.run(SpringWebApp.class, args);
    }

    @EventListener
    public void onReady(WebServerInitializedEvent event) {
        System.out.println("READY " + event.getWebServer().getPort());
        System.out.flush();
    }

    @GetMapping("/hello")
    public String hello(@RequestParam(defaultValue = "world") String name) {
        return "hello " + name;
    }

    @PostMapping(path = "/echo", produces = MediaType.APPLICATION_JSON_VALUE)
    public String echo(@RequestBody String body, @RequestHeader(name = "X-Trace", defaultValue = "-") String trace) {
        return "{\"trace\":\"" + trace + "\",\"length\":" + body.length() + ",\"body\":" + body + "}";
    }

    @GetMapping("/status/{code}")
    public ResponseEntity<String> status(@PathVariable int code) {
        return ResponseEntity.status(HttpStatus.valueOf(code)).header("X-Code", Integer.toString(code)).body("status " + code);
    }
}
