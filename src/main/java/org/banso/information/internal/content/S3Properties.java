package org.banso.information.internal.content;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The S3-compatible object storage of content ciphertexts, used when {@code banso.information.content.store=s3}
 * (issue #19): AWS S3, MinIO, Ceph RGW, any S3 API.
 *
 * @param endpoint  the service's address; empty = AWS's own for the region
 * @param region    the region (any value for most S3-compatible servers)
 * @param bucket    the bucket, which must exist
 * @param prefix    put before every key (e.g. {@code banso/}), so the bucket can hold other things
 * @param pathStyle {@code https://host/bucket/key} addresses (what MinIO, Ceph and s3proxy expect by default)
 * @param accessKey the access key id; empty = the AWS SDK's default chain (environment, instance profile)
 * @param secretKey its secret; never logged
 */
@ConfigurationProperties("banso.information.content.s3")
record S3Properties(@DefaultValue("") String endpoint,
                    @DefaultValue("us-east-1") String region,
                    @DefaultValue("") String bucket,
                    @DefaultValue("") String prefix,
                    @DefaultValue("true") boolean pathStyle,
                    @DefaultValue("") String accessKey,
                    @DefaultValue("") String secretKey) {

    S3Properties {
        if (!endpoint.isEmpty()) {
            URI.create(endpoint);
        }
    }

    @Override
    public String toString() {
        return "S3Properties[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", prefix=" + prefix
                + "]";
    }
}
