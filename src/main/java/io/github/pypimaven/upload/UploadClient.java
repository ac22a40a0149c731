package io.github.pypimaven.upload;

import io.github.pypimaven.ci.ForeignText;
import io.github.pypimaven.http.AnswerCap;
import io.github.pypimaven.http.BoundedExchange;
import io.github.pypimaven.http.HttpAnswer;
import io.github.pypimaven.repository.RemoteIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.LongConsumer;
import javax.inject.Named;
import javax.inject.Singleton;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of the legacy upload API ({@code :action=file_upload}): one multipart POST per file, Basic
 * auth {@code __token__:<token>}, answers turned into messages a user can act on.
 */
@Named
@Singleton
public class UploadClient {

    static final String ACCEPT = "application/json;q=0.9, text/plain;q=0.8, text/html;q=0.7";
    private static final Logger LOG = LoggerFactory.getLogger(UploadClient.class);

    /**
     * Uploads one file.
     *
     * @param token the API token; used only in the Authorization header
     * @param attempt told before each attempt starts (a retry sends the file again)
     * @param progress told how many bytes of the file the attempt has sent so far
     */
    public void upload(CloseableHttpClient http, RemoteIndex index, String token, UploadForm form, RetryPolicy retry,
            Runnable attempt, LongConsumer progress) throws UploadException {
        String filename = form.filename();
        for (int n = 1; ; n++) {
            if (n > 1) {
                sleep(retry, n);
            }
            attempt.run();
            UploadOutcome outcome = send(http, index, token, form, progress);
            if (outcome instanceof UploadOutcome.Answered answered && answered.accepted()) {
                LOG.debug("{}: HTTP {} from {}", filename, answered.status(), index);
                return;
            }
            if (!outcome.retryable() || n >= retry.attempts()) {
                // The token itself, in any form, is cut from what the index or the network said, as are other secrets.
                throw new UploadException(ForeignText.withoutSecrets(
                        UploadFailure.describe(filename, index, outcome, n), List.of(token)));
            }
            LOG.warn("Uploading {} failed ({}); trying again ({} of {})", filename,
                    ForeignText.withoutSecrets(outcome.summary(), List.of(token)), n + 1, retry.attempts());
        }
    }

    private UploadOutcome send(CloseableHttpClient http, RemoteIndex index, String token, UploadForm form,
            LongConsumer progress) {
        HttpPost post = new HttpPost(index.uri());
        post.setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                ("__token__:" + token).getBytes(StandardCharsets.UTF_8)));
        post.setHeader("Accept", ACCEPT);
        try {
            post.setEntity(MultipartBody.of(form, progress));
            HttpAnswer answer = BoundedExchange.send(http, post, AnswerCap.UPLOAD_ANSWER);
            return new UploadOutcome.Answered(answer.status(), answer.header("Location").orElse(null),
                    answer.header("Content-Type").orElse(null), answer.body());
        } catch (SSLException e) {
            return new UploadOutcome.TlsFailure("TLS failure: " + ForeignText.line(e.getMessage()));
        } catch (IOException e) {
            return new UploadOutcome.NoAnswer(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + ForeignText.line(e.getMessage())));
        }
    }

    private static void sleep(RetryPolicy retry, int attempt) {
        try {
            Thread.sleep(retry.delayBefore(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
