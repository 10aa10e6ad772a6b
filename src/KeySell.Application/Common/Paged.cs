using System.Buffers.Text;
using System.Text;

namespace KeySell.Application.Common;

/// <summary>
/// One page of a list, as every list endpoint returns it: <c>{ "items": [...], "totalCount": n, "totalIsEstimate": false, "nextCursor": "…" }</c>.
/// <paramref name="TotalIsEstimate"/> says the total was estimated (<see cref="ListPages"/>), always over rows the caller may
/// read; <paramref name="NextCursor"/>, where a list offers one, fetches the page after this one at the cost of the first.
/// </summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int TotalCount, bool TotalIsEstimate = false, string? NextCursor = null);

/// <summary>
/// Paging input shared by list queries: 1-based page, page size capped so no call can ask for everything. The API
/// refuses values outside the bounds (<c>Paging</c>); here they are clamped, so no caller can make the offset overflow.
/// A <see cref="Cursor"/> (from a previous page's <c>nextCursor</c>) wins over <see cref="Page"/> where a list offers one.
/// </summary>
public readonly record struct PageRequest(int Page = 1, int PageSize = PageRequest.DefaultSize, ListCursor? Cursor = null)
{
    public const int DefaultSize = 25;
    public const int MaxSize = InputLimits.MaxPageSize;

    public int Skip => (Math.Clamp(Page, 1, InputLimits.MaxPage) - 1) * Take;
    public int Take => Math.Clamp(PageSize <= 0 ? DefaultSize : PageSize, 1, MaxSize);
}

/// <summary>
/// Where a list ordered by (name, id) stopped: the last row's name and id, as an opaque URL-safe text. It carries no
/// secret (the caller has read that row); a forged one only moves where the caller's own readable rows start.
/// </summary>
public sealed record ListCursor(string Name, Guid Id)
{
    public override string ToString()
    {
        var bytes = Encoding.UTF8.GetBytes(Id.ToString("N") + Name);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryParse(string? text, out ListCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > InputLimits.MaxCursorLength) return false;
        byte[] bytes;
        try { bytes = Base64Url.DecodeFromChars(text); }
        catch (FormatException) { return false; }
        string decoded;
        try { decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes); }
        catch (ArgumentException) { return false; }
        if (decoded.Length < 32 || !Guid.TryParseExact(decoded.AsSpan(0, 32), "N", out var id)) return false;
        cursor = new ListCursor(decoded[32..], id);
        return true;
    }
}
