using System.Buffers.Text;
using System.Security.Cryptography;
using KeySell.Domain.Common;

namespace KeySell.Application.Calendar;

/// <summary>
/// A user's secret calendar link (decision 0027): the link carries a random secret that calendar programs present
/// without a cookie; only its SHA-256 is stored, so a copy of the database cannot be turned into working links.
/// One per user; replacing it makes the old link stop working at once.
/// </summary>
public class CalendarLink : AuditedEntity
{
    public const int SecretBytes = 32;
    public const int HashBytes = 32;

    public string UserId { get; set; } = "";

    /// <summary>SHA-256 of the secret's bytes. Never written into the history.</summary>
    public byte[] SecretHash { get; set; } = [];

    /// <summary>When the current secret was made: a replacement is its history line (old and new moment, never the secret).</summary>
    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>A new secret (256 random bits) as the URL-safe text the link carries.</summary>
    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>The hash of a secret as presented in a link; null when the text cannot be one (wrong length or alphabet).</summary>
    public static byte[]? HashOf(string? secret)
    {
        if (secret is null || secret.Length != Base64Url.GetEncodedLength(SecretBytes)) return null;
        // The decoder throws on characters outside its alphabet; anything a stranger types must end in a plain 404.
        foreach (var c in secret) if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_')) return null;
        Span<byte> bytes = stackalloc byte[SecretBytes];
        if (!Base64Url.TryDecodeFromChars(secret, bytes, out var written) || written != SecretBytes) return null;
        return SHA256.HashData(bytes);
    }

    /// <summary>Whether a presented secret's hash is this link's, compared in constant time.</summary>
    public bool Matches(byte[] hash) => CryptographicOperations.FixedTimeEquals(SecretHash, hash);
}
