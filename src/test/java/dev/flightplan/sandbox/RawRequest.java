package dev.flightplan.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 request written byte by byte on a socket, for what a well-behaved client cannot
 * send: a body that never comes after its Content-Length, or a chunked body of a chosen size. Reads
 * the answer's status and body.
 */
public final class RawRequest {
  /** The answer: status and body text. */
  public record Answer(int status, String body) {}

  private RawRequest() {}

  /**
   * Sends {@code head} (request line and headers, without the blank line), then {@code body} as it
   * is (null: nothing more), and reads the answer; gives up after 20 seconds without a byte.
   */
  public static Answer send(URI base, String head, byte[] body) {
    return send(base, head, body, base.getHost());
  }

  /** As {@link #send(URI, String, byte[])}, with {@code host} as the request's Host header. */
  public static Answer send(URI base, String head, byte[] body, String host) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A chunked body of {@code size} spaces in 8 KiB chunks, with its last chunk. */
  public static byte[] chunked(int size) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int left = size; left > 0; left -= 8192) {
      int n = Math.min(8192, left);
      body.writeBytes(
          (Integer.toHexString(n) + "\r\n" + " ".repeat(n) + "\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
    }
    body.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    return body.toByteArray();
  }

  private static Answer read(InputStream in) throws IOException {
    String head = line(in);
    int status = Integer.parseInt(head.split(" ")[1]);
    int length = 0;
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(h.substring(15).trim());
      }
    }
    return new Answer(status, new String(in.readNBytes(length), StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the connection closed before the answer ended");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
