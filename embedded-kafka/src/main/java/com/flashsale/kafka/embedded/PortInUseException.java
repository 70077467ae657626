package com.flashsale.kafka.embedded;

/** A port that a process of the stack needs is already bound by another process. */
public class PortInUseException extends IllegalStateException {

    private final int port;

    public PortInUseException(String host, int port, String purpose) {
        super("Port " + port + " on " + host + " (" + purpose + ") is already in use. "
                + "Stop the process that holds it (for example: ss -ltnp 'sport = :" + port + "') "
                + "or configure another port.");
        this.port = port;
    }

    public int port() {
        return port;
    }
}
