package com.flashsale.projection.replay;

/** A replay that made no progress for too long, such as when the broker became unreachable. */
public class ReplayStalledException extends RuntimeException {

    public ReplayStalledException(String message) {
        super(message);
    }
}
