package dev.primus.benchmarks.reference.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot reference app: an orders service the overhead harness runs with and without
 * the agent. Arguments are Spring properties, e.g. {@code --server.port=18081
 * --reference.downstream.port=18091}.
 */
@SpringBootApplication
public class ReferenceSpringApp {
    public static void main(String[] args) {
        SpringApplication.run(ReferenceSpringApp.class, args);
    }
}
