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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;

/**
 * A real JMX RMI connector on the platform MBean server, bound to 127.0.0.1 only, with password
 * and access files as the README describes: user {@value #MONITOR} may read, user
 * {@value #CONTROL} may also call operations. Clients connect over
 * {@code service:jmx:rmi:///jndi/rmi://127.0.0.1:<port>/jmxrmi}, the URL JConsole and jmxterm use.
 */
final class JmxConnector implements AutoCloseable {

    static final String MONITOR = "monitor";
    static final String CONTROL = "control";
    private static final String MONITOR_PASSWORD = "monitor-test-pass";
    private static final String CONTROL_PASSWORD = "control-test-pass";

    private final Registry registry;
    private final JMXConnectorServer server;
    private final JMXServiceURL clientUrl;
    private final List<JMXConnector> clients = new ArrayList<>();

    private JmxConnector(Registry registry, JMXConnectorServer server, JMXServiceURL clientUrl) {
        this.registry = registry;
        this.server = server;
        this.clientUrl = clientUrl;
    }

    /** Starts the connector; its password and access files go to {@code folder}. */
    static JmxConnector start(Path folder) throws IOException {
        Path passwords = Files.writeString(folder.resolve("jmxremote.password"), MONITOR + " " + MONITOR_PASSWORD
                + "\n" + CONTROL + " " + CONTROL_PASSWORD + "\n");
        Path access = Files.writeString(folder.resolve("jmxremote.access"), MONITOR + " readonly\n" + CONTROL
                + " readwrite\n");
        LoopbackSockets sockets = new LoopbackSockets();
        int port = freePort();
        Registry registry = LocateRegistry.createRegistry(port, sockets, sockets);
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://127.0.0.1/jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        Map<String, Object> environment = Map.of(
                RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, sockets,
                RMIConnectorServer.RMI_CLIENT_SOCKET_FACTORY_ATTRIBUTE, sockets,
                "jmx.remote.x.password.file", passwords.toString(),
                "jmx.remote.x.access.file", access.toString());
        JMXConnectorServer server = JMXConnectorServerFactory.newJMXConnectorServer(url, environment,
                ManagementFactory.getPlatformMBeanServer());
        server.start();
        return new JmxConnector(registry, server,
                new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi"));
    }

    /** Returns a connection of the user that may call operations. */
    MBeanServerConnection connection() throws IOException {
        return connection(CONTROL, CONTROL_PASSWORD);
    }

    /** Returns a connection of the read-only user. */
    MBeanServerConnection monitorConnection() throws IOException {
        return connection(MONITOR, MONITOR_PASSWORD);
    }

    /** Returns a connection of any user, such as one with a wrong password. */
    MBeanServerConnection connection(String user, String password) throws IOException {
        JMXConnector client = JMXConnectorFactory.connect(clientUrl,
                Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
        clients.add(client);
        return client.getMBeanServerConnection();
    }

    @Override
    public void close() throws IOException {
        try {
            for (JMXConnector client : clients) {
                client.close();
            }
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
