package eu.aifactory.server.exec.slurm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay in front of slurmrestd that a test can stop and start again on the same port: to the factory
 * it is slurmrestd going away and coming back, without touching the daemon other tests use.
 */
final class TcpRelay implements AutoCloseable {

    private final URI target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private int port;

    TcpRelay(URI target) throws IOException {
        this.target = target;
        start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    synchronized void start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        port = socket.getLocalPort();
        server = socket;
        Thread accept = new Thread(() -> accept(socket), "relay-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** Refuses new connections and cuts the open ones. */
    synchronized void stop() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
        open.clear();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream = new Socket(target.getHost(), target.getPort());
                open.add(client);
                open.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // One side closed: close the other so the peer sees the end too.
            } finally {
                try {
                    to.close();
                    from.close();
                } catch (IOException e) {
                    // already closed
                }
            }
        }, "relay-pipe");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
