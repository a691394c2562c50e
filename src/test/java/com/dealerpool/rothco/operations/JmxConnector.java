package com.dealerpool.rothco.operations;

import java.io.IOException;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIClientSocketFactory;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.util.Map;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;

/**
 * A real JMX RMI connector on the platform MBean server, bound to 127.0.0.1 only, and a client
 * connected to it over {@code service:jmx:rmi:///jndi/rmi://127.0.0.1:<port>/jmxrmi}, the URL
 * JConsole and jmxterm use.
 */
final class JmxConnector implements AutoCloseable {

    private final Registry registry;
    private final JMXConnectorServer server;
    private final JMXConnector client;

    private JmxConnector(Registry registry, JMXConnectorServer server, JMXConnector client) {
        this.registry = registry;
        this.server = server;
        this.client = client;
    }

    static JmxConnector start() throws IOException {
        LoopbackSockets sockets = new LoopbackSockets();
        int port = freePort();
        Registry registry = LocateRegistry.createRegistry(port, sockets, sockets);
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://127.0.0.1/jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        Map<String, Object> environment = Map.of(
                RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, sockets,
                RMIConnectorServer.RMI_CLIENT_SOCKET_FACTORY_ATTRIBUTE, sockets);
        JMXConnectorServer server = JMXConnectorServerFactory.newJMXConnectorServer(url, environment,
                ManagementFactory.getPlatformMBeanServer());
        server.start();
        JMXConnector client = JMXConnectorFactory.connect(
                new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi"));
        return new JmxConnector(registry, server, client);
    }

    MBeanServerConnection connection() throws IOException {
        return client.getMBeanServerConnection();
    }

    @Override
    public void close() throws IOException {
        try {
            client.close();
        } finally {
            server.stop();
            try {
                UnicastRemoteObject.unexportObject(registry, true);
            } catch (NoSuchObjectException e) {
                // already unexported
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Server sockets on 127.0.0.1 only, and client sockets to the stub's host. */
    private static final class LoopbackSockets implements RMIServerSocketFactory, RMIClientSocketFactory,
            Serializable {

        private static final long serialVersionUID = 1L;

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return new Socket(InetAddress.getLoopbackAddress(), port);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof LoopbackSockets;
        }

        @Override
        public int hashCode() {
            return LoopbackSockets.class.hashCode();
        }
    }
}
