import { S3ListPage, S3Reader } from './log-sources';

/** ListObjectsV2 and GetObject through the AWS SDK's S3 client (passed in: the SDK is loaded at run time). */
export function sdkS3Reader(sdk: any, client: any, maxKeys?: number): S3Reader {
  return {
    async list(params): Promise<S3ListPage> {
      const out = await client.send(new sdk.ListObjectsV2Command({
        Bucket: params.bucket,
        Prefix: params.prefix,
        Delimiter: params.delimiter,
        ContinuationToken: params.token,
        StartAfter: params.startAfter,
        MaxKeys: maxKeys,
      }));
      return {
        keys: (out.Contents ?? []).map((c: { Key?: string }) => c.Key).filter((k: unknown): k is string => typeof k === 'string'),
        prefixes: (out.CommonPrefixes ?? []).map((c: { Prefix?: string }) => c.Prefix).filter((k: unknown): k is string => typeof k === 'string'),
        nextToken: out.IsTruncated ? out.NextContinuationToken : undefined,
      };
    },
    async get(bucket, key): Promise<Buffer> {
      const out = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key }));
      return Buffer.from(await out.Body.transformToByteArray());
    },
  };
}
