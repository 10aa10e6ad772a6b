namespace KeySell.Application.Retries;

/// <summary>
/// A POST sent with an <c>Idempotency-Key</c>, and its answer once there is one: a client that lost
/// the answer (a dropped connection, a timeout) sends the same request again and gets this answer
/// instead of a second record. Kept in the database because any app server may get the retry.
/// </summary>
public sealed class IdempotentRequest
{
    /// <summary>How long a key is remembered (contract 1, "Retries").</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);

    /// <summary>
    /// A first attempt still unanswered after this long died with its server; a retry may take the
    /// key over. Longer than any request runs (the sheet save, the largest, takes well under a second).
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    public Guid Id { get; set; }

    /// <summary>Keys are per user: two users may use the same key without meeting.</summary>
    public string UserId { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>SHA-256 of method, path, query and body: the same key with another request is refused, not answered.</summary>
    public string Fingerprint { get; set; } = "";

    /// <summary>When the request (or the attempt that took the key over) began; the concurrency token of a takeover.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Null while the first attempt runs.</summary>
    public int? Status { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public string? ETag { get; set; }

    public byte[]? Body { get; set; }
}
