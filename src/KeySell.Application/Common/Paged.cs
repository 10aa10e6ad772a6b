namespace KeySell.Application.Common;

/// <summary>One page of a list, as every list endpoint returns it: <c>{ "items": [...], "totalCount": n }</c>.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int TotalCount);

/// <summary>
/// Paging input shared by list queries: 1-based page, page size capped so no call can ask for everything. The API
/// refuses values outside the bounds (<c>Paging</c>); here they are clamped, so no caller can make the offset overflow.
/// </summary>
public readonly record struct PageRequest(int Page = 1, int PageSize = PageRequest.DefaultSize)
{
    public const int DefaultSize = 25;
    public const int MaxSize = InputLimits.MaxPageSize;

    public int Skip => (Math.Clamp(Page, 1, InputLimits.MaxPage) - 1) * Take;
    public int Take => Math.Clamp(PageSize <= 0 ? DefaultSize : PageSize, 1, MaxSize);
}
