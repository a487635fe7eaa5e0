package org.kura.repository.s3;

import io.ocfl.aws.OcflS3Client;
import io.ocfl.core.storage.OcflStorageBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.kura.repository.OcflRoot;
import org.kura.repository.RepositoryException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * An OCFL storage root in a bucket of an S3-compatible service, through ocfl-java's own S3 storage
 * ({@link OcflS3Client}) on the AWS SDK's Java (Netty) client with multipart transfers. Connections
 * have short timeouts, so a service that is down or silent is a {@link RepositoryException} within
 * seconds, not a hang. The bucket is checked when the root is opened: a wrong endpoint, a missing
 * bucket or refused credentials fail the start with the reason.
 */
public final class S3OcflRoot implements OcflRoot {
    private final S3Settings settings;
    private final SdkEventLoopGroup eventLoops = SdkEventLoopGroup.builder().build();
    private final S3AsyncClient s3;
    private final S3TransferManager transfers;
    private final OcflS3Client cloud;

    public S3OcflRoot(S3Settings settings) {
        this.settings = settings;
        this.s3 = client(settings, eventLoops);
        try {
            checkBucket();
        } catch (RuntimeException e) {
            closeClient();
            throw e;
        }
        this.transfers = S3TransferManager.builder().s3Client(s3).build();
        this.cloud = OcflS3Client.builder().s3Client(s3).transferManager(transfers).bucket(settings.bucket())
                .repoPrefix(settings.prefix()).build();
    }

    @Override
    public void configure(OcflStorageBuilder storage) {
        storage.cloud(cloud);
    }

    /** Always empty: files on S3 are read as streams. */
    @Override
    public Optional<Path> localFile(String storageRelativePath) {
        return Optional.empty();
    }

    @Override
    public String location() {
        return settings.location();
    }

    @Override
    public void close() {
        try {
            cloud.close();
            transfers.close();
        } finally {
            closeClient();
        }
    }

    /** Closes the client and lets its Netty threads go at once (the SDK's own group waits out a quiet period of seconds). */
    private void closeClient() {
        try {
            s3.close();
        } finally {
            eventLoops.eventLoopGroup().shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
    }

    private static S3AsyncClient client(S3Settings s, SdkEventLoopGroup eventLoops) {
        var http = NettyNioAsyncHttpClient.builder()
                .eventLoopGroup(eventLoops)
                .connectionTimeout(s.connectTimeout())
                .readTimeout(s.readTimeout())
                .writeTimeout(s.readTimeout())
                .connectionAcquisitionTimeout(s.readTimeout().plus(s.connectTimeout()));
        var builder = S3AsyncClient.builder()
                .httpClientBuilder(http)
                .region(Region.of(s.region()))
                .credentialsProvider(credentials(s))
                .forcePathStyle(s.pathStyle())
                .multipartEnabled(true)
                // S3-compatible servers (older MinIO, Ceph) refuse the newer default trailing checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD));
        if (s.endpoint() != null) {
            builder.endpointOverride(s.endpoint());
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Settings s) {
        return s.accessKeyId() == null ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(s.accessKeyId(), s.secretAccessKey()));
    }

    /** HEAD on the bucket, so that a wrong endpoint, a missing bucket or refused credentials are said at the start. */
    private void checkBucket() {
        Duration limit = settings.connectTimeout().plus(settings.readTimeout()).multipliedBy(3).plusSeconds(5);
        String bucket = "the S3 bucket '" + settings.bucket() + "' at " + endpoint();
        try {
            s3.headBucket(b -> b.bucket(settings.bucket())).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof NoSuchBucketException || cause instanceof S3Exception s && s.statusCode() == 404) {
                throw new RepositoryException(bucket + " does not exist (Kura does not create buckets: create it first)", cause);
            }
            if (cause instanceof S3Exception s && (s.statusCode() == 403 || s.statusCode() == 401)) {
                throw new RepositoryException("access to " + bucket + " was refused (HTTP " + s.statusCode()
                        + "): check the access key id and the secret", cause);
            }
            if (cause instanceof S3Exception s) {
                throw new RepositoryException(bucket + " answered HTTP " + s.statusCode() + ": " + s.getMessage(), cause);
            }
            throw new RepositoryException("cannot reach the S3 service at " + endpoint() + ": "
                    + RepositoryException.innermostReason(cause), cause);
        } catch (TimeoutException e) {
            throw new RepositoryException("the S3 service at " + endpoint() + " did not answer within " + limit.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepositoryException("interrupted while checking " + bucket, e);
        }
    }

    private String endpoint() {
        return settings.endpoint() == null ? "Amazon S3 (" + settings.region() + ")" : settings.endpoint().toString();
    }
}
