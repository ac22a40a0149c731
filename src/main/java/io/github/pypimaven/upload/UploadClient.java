package io.github.pypimaven.upload;

import io.github.pypimaven.ci.ForeignText;
import io.github.pypimaven.http.AnswerCap;
import io.github.pypimaven.http.BasicAuth;
import io.github.pypimaven.http.BoundedExchange;
import io.github.pypimaven.http.HttpAnswer;
import io.github.pypimaven.http.TlsHandshake;
import io.github.pypimaven.repository.RemoteIndex;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import javax.inject.Named;
import javax.inject.Singleton;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of the legacy upload API ({@code :action=file_upload}): one multipart POST per file, HTTP Basic
 * credentials ({@code __token__:<token>} for an API token), answers turned into messages a user can act on.
 */
@Named
@Singleton
public class UploadClient {

    static final String ACCEPT = "application/json;q=0.9, text/plain;q=0.8, text/html;q=0.7";
    private static final Logger LOG = LoggerFactory.getLogger(UploadClient.class);

    /**
     * Uploads one file.
     *
     * @param auth the credentials; used only in the Authorization header
     * @param starting told before each attempt starts (a retry sends the file again)
     * @param progress told how many bytes of the file the attempt has sent so far
     */
    public void upload(CloseableHttpClient http, RemoteIndex index, BasicAuth auth, UploadForm form, RetryPolicy retry,
            Runnable starting, LongConsumer progress) throws UploadException {
        String filename = form.filename();
        Duration wait = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            sleep(wait);
            starting.run();
            UploadOutcome outcome = send(http, index, auth, form, progress);
            if (outcome instanceof UploadOutcome.Answered answered && answered.accepted()) {
                LOG.debug("{}: HTTP {} from {}", filename, answered.status(), index);
                return;
            }
            if (!outcome.retryable() || attempt >= retry.attempts()) {
                // The secret itself, in any form, is cut from what the index or the network said, as are other secrets.
                throw new UploadException(ForeignText.withoutSecrets(
                        UploadFailure.describe(filename, index, auth, outcome, attempt), auth.secrets()));
            }
            wait = wait(retry, attempt + 1, outcome, filename);
            LOG.warn("Uploading {} failed ({}); trying again in {} s ({} of {})", filename,
                    ForeignText.withoutSecrets(outcome.summary(), auth.secrets()), wait.toMillis() / 1000.0,
                    attempt + 1, retry.attempts());
        }
    }

    /** What the index asked for with Retry-After on a 429 or 503 (capped), else the policy's doubling delay. */
    private static Duration wait(RetryPolicy retry, int attempt, UploadOutcome outcome, String filename) {
        Optional<Duration> asked = outcome instanceof UploadOutcome.Answered answered ? answered.retryAfter()
                : Optional.empty();
        if (asked.isEmpty()) {
            return retry.delayBefore(attempt);
        }
        if (asked.get().compareTo(retry.maxRetryAfter()) > 0) {
            LOG.warn("The index asked to wait {} s before {} is sent again (Retry-After); waiting {} s, the most this"
                    + " plugin waits. If it still refuses, re-run the build later.", asked.get().toSeconds(), filename,
                    retry.maxRetryAfter().toMillis() / 1000.0);
            return retry.maxRetryAfter();
        }
        return asked.get();
    }

    private UploadOutcome send(CloseableHttpClient http, RemoteIndex index, BasicAuth auth, UploadForm form,
            LongConsumer progress) {
        HttpPost post = new HttpPost(index.uri());
        post.setHeader("Authorization", auth.header());
        post.setHeader("Accept", ACCEPT);
        try {
            post.setEntity(MultipartBody.of(form, progress));
            HttpAnswer answer = BoundedExchange.send(http, post, AnswerCap.UPLOAD_ANSWER);
            return new UploadOutcome.Answered(answer.status(), answer.header("Location").orElse(null),
                    answer.header("Content-Type").orElse(null), answer.body(),
                    RetryPolicy.honoursRetryAfter(answer.status())
                            ? RetryAfter.parse(answer.header("Retry-After").orElse(null), Instant.now())
                            : Optional.empty());
        } catch (SSLException e) {
            return new UploadOutcome.TlsFailure(TlsHandshake.describe(index.uploadUrl().host(), e));
        } catch (IOException e) {
            return new UploadOutcome.NoAnswer(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + ForeignText.line(e.getMessage())));
        }
    }

    private static void sleep(Duration wait) {
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
