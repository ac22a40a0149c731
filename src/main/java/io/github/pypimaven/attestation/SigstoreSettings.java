package io.github.pypimaven.attestation;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Which Sigstore instance a run uses, and how it paces its requests.
 *
 * @param fulcioUrl             Fulcio's base URL
 * @param rekorUrl              Rekor's base URL (a v1 API)
 * @param trustedRoot           when present, attestations are also checked against it (chain, SCT, SET, checkpoint)
 * @param concurrency           how many Rekor entries are requested at once
 * @param renewalMargin         a new certificate is requested when the current one has less than this left
 * @param inclusionPollInterval the wait between requests for an entry's inclusion proof
 * @param inclusionPolls        how many times to ask for a missing inclusion proof before failing
 */
public record SigstoreSettings(URI fulcioUrl, URI rekorUrl, Optional<TrustedRoot> trustedRoot, int concurrency,
        Duration renewalMargin, Duration inclusionPollInterval, int inclusionPolls) {

    public static final URI PUBLIC_FULCIO = URI.create("https://fulcio.sigstore.dev");
    public static final URI PUBLIC_REKOR = URI.create("https://rekor.sigstore.dev");

    public SigstoreSettings {
        checkUrl(fulcioUrl, "sigstoreFulcioUrl");
        checkUrl(rekorUrl, "sigstoreRekorUrl");
        if (concurrency < 1 || concurrency > 32) {
            throw new IllegalArgumentException("the Rekor concurrency must be between 1 and 32, got " + concurrency);
        }
        if (renewalMargin.isNegative() || inclusionPollInterval.isNegative() || inclusionPolls < 0) {
            throw new IllegalArgumentException("negative Sigstore timing settings");
        }
    }

    /** The given instance, four concurrent Rekor requests, renewal with a minute left, ten polls a second apart. */
    public SigstoreSettings(URI fulcioUrl, URI rekorUrl, Optional<TrustedRoot> trustedRoot) {
        this(fulcioUrl, rekorUrl, trustedRoot, 4, Duration.ofMinutes(1), Duration.ofSeconds(1), 10);
    }

    /** Sigstore's public-good instance, which PyPI trusts, without a trusted root. */
    public static SigstoreSettings publicGood() {
        return new SigstoreSettings(PUBLIC_FULCIO, PUBLIC_REKOR, Optional.empty());
    }

    public SigstoreSettings withConcurrency(int value) {
        return new SigstoreSettings(fulcioUrl, rekorUrl, trustedRoot, value, renewalMargin, inclusionPollInterval,
                inclusionPolls);
    }

    public SigstoreSettings withRenewalMargin(Duration value) {
        return new SigstoreSettings(fulcioUrl, rekorUrl, trustedRoot, concurrency, value, inclusionPollInterval,
                inclusionPolls);
    }

    public SigstoreSettings withInclusionPolling(Duration interval, int polls) {
        return new SigstoreSettings(fulcioUrl, rekorUrl, trustedRoot, concurrency, renewalMargin, interval, polls);
    }

    /** Where a person can look at a log entry: Sigstore's search page for the public log, else the log's API. */
    public URI entryUrl(long logIndex) {
        String host = rekorUrl.getHost() == null ? "" : rekorUrl.getHost().toLowerCase(Locale.ROOT);
        if (host.equals(PUBLIC_REKOR.getHost())) {
            return URI.create("https://search.sigstore.dev/?logIndex=" + logIndex);
        }
        return SigstoreHttp.endpoint(rekorUrl, RekorClient.ENTRIES + "?logIndex=" + logIndex);
    }

    private static void checkUrl(URI url, String setting) {
        String scheme = url == null || url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null || url.getQuery() != null) {
            throw new IllegalArgumentException(setting + " must be an http(s) URL without a query, got " + url);
        }
    }
}
