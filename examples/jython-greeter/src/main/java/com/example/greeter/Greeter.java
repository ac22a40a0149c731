package com.example.greeter;

/** The Java half of the example: Jython code imports it as {@code from com.example.greeter import Greeter}. */
public final class Greeter {

    private final String greeting;

    public Greeter(String greeting) {
        this.greeting = greeting;
    }

    public String greet(String name) {
        return greeting + ", " + name + "!";
    }
}
