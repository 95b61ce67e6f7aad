package org.banso.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** What the browser tests of e-mails share: a free loopback port, and waiting (bounded) for a mail GreenMail got. */
final class MailCapture {

    private MailCapture() {
    }

    /** The first mail to the address whose subject contains the text; waits at most a minute for the sending job. */
    static MimeMessage awaitMail(GreenMail smtp, String address, String subject) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (to(message, address) && message.getSubject() != null && message.getSubject().contains(subject)) {
                    return message;
                }
            }
            assertThat(System.nanoTime()).as("a mail to %s about %s", address, subject).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    static boolean to(MimeMessage message, String address) throws MessagingException {
        Address[] recipients = message.getAllRecipients();
        return recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().equals(address));
    }

    static String body(MimeMessage message) throws IOException, MessagingException {
        return (String) message.getContent();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
