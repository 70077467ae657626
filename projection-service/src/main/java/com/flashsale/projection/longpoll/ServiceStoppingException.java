package com.flashsale.projection.longpoll;

/** Ends a waiting order query because the service shuts down. */
public class ServiceStoppingException extends RuntimeException {

    public ServiceStoppingException() {
        super("The service is stopping", null, false, false);
    }
}
