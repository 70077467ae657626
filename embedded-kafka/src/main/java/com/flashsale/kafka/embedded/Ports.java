package com.flashsale.kafka.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Checks and finds TCP ports on the loopback interface. */
public final class Ports {

    public static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    /**
     * Throws {@link PortInUseException} when {@code port} on {@code host} cannot be bound.
     *
     * @param purpose what the port is for, such as "Kafka client listener"; it goes into the message
     */
    public static void requireFree(String host, int port, String purpose) {
        if (!isFree(host, port)) {
            throw new PortInUseException(host, port, purpose);
        }
    }

    /** Returns whether a server socket can bind {@code host:port} right now. */
    public static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Same option as the broker's and Jetty's listeners, so that a port in TIME_WAIT after
            // a restart counts as free.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Returns {@code count} distinct ports that were free on the loopback interface a moment ago.
     * Another process may take one before the caller binds it; tests accept that small risk.
     */
    public static List<Integer> findFree(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(LOOPBACK, 0));
                ports.add(socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new IllegalStateException("Could not find " + count + " free ports on " + LOOPBACK, e);
        } finally {
            sockets.forEach(Ports::closeQuietly);
        }
    }

    public static int findFree() {
        return findFree(1).get(0);
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // The port was only reserved for a moment; a failed close changes nothing for the caller.
        }
    }
}
