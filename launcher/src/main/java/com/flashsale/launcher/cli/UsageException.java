package com.flashsale.launcher.cli;

/** The command line is invalid; the message says which argument and why. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
