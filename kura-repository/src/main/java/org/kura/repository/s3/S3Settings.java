package org.kura.repository.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach the bucket that holds an OCFL storage root on an S3-compatible service
 * (Amazon S3, MinIO, Ceph RGW, ...).
 *
 * @param endpoint        the service's base URL ({@code http://minio:9000}); null for Amazon S3 in {@code region}
 * @param region          the signing region ({@code us-east-1} suits most S3-compatible servers)
 * @param bucket          the bucket; it must exist (Kura never creates buckets)
 * @param prefix          the key prefix of the storage root inside the bucket ("" for the bucket's top)
 * @param pathStyle       path-style addressing ({@code endpoint/bucket/key}), which MinIO and Ceph expect
 * @param accessKeyId     null: the AWS SDK's default credentials chain (environment, profile, instance role)
 * @param secretAccessKey the secret for {@code accessKeyId}
 * @param connectTimeout  how long to wait for a connection to the service
 * @param readTimeout     how long a connection may stay silent while waiting for an answer or data
 */
public record S3Settings(URI endpoint, String region, String bucket, String prefix, boolean pathStyle,
                         String accessKeyId, String secretAccessKey, Duration connectTimeout, Duration readTimeout) {

    public S3Settings {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("an S3 bucket is required");
        }
        region = region == null || region.isBlank() ? "us-east-1" : region;
        prefix = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
        if (accessKeyId != null && accessKeyId.isBlank()) {
            accessKeyId = null;
        }
        if (accessKeyId != null && (secretAccessKey == null || secretAccessKey.isEmpty())) {
            throw new IllegalArgumentException("the S3 access key id " + accessKeyId + " has no secret");
        }
        connectTimeout = Objects.requireNonNullElse(connectTimeout, Duration.ofSeconds(5));
        readTimeout = Objects.requireNonNullElse(readTimeout, Duration.ofSeconds(30));
    }

    /** Settings for {@code bucket} with the defaults: Amazon S3, us-east-1, no prefix, the default credentials chain. */
    public static Builder bucket(String bucket) {
        return new Builder(bucket);
    }

    /** Where the storage root is, for messages (never the secret). */
    public String location() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix) + " at "
                + (endpoint == null ? "Amazon S3 (" + region + ")" : endpoint.toString());
    }

    @Override
    public String toString() {
        return "S3Settings[" + location() + ", pathStyle=" + pathStyle + ", accessKeyId=" + accessKeyId
                + ", secretAccessKey=" + (secretAccessKey == null ? "none" : "********") + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }

    /** Builds {@link S3Settings}; every part but the bucket has a default. */
    public static final class Builder {
        private final String bucket;
        private URI endpoint;
        private String region;
        private String prefix = "";
        private boolean pathStyle;
        private String accessKeyId;
        private String secretAccessKey;
        private Duration connectTimeout;
        private Duration readTimeout;

        private Builder(String bucket) {
            this.bucket = bucket;
        }

        /** An S3-compatible service at {@code endpoint}, addressed path-style (as MinIO and Ceph expect). */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            this.pathStyle = endpoint != null;
            return this;
        }

        public Builder pathStyle(boolean pathStyle) {
            this.pathStyle = pathStyle;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        public Builder credentials(String accessKeyId, String secretAccessKey) {
            this.accessKeyId = accessKeyId;
            this.secretAccessKey = secretAccessKey;
            return this;
        }

        public Builder timeouts(Duration connect, Duration read) {
            this.connectTimeout = connect;
            this.readTimeout = read;
            return this;
        }

        public S3Settings build() {
            return new S3Settings(endpoint, region, bucket, prefix, pathStyle, accessKeyId, secretAccessKey, connectTimeout, readTimeout);
        }
    }
}
