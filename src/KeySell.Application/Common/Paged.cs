namespace KeySell.Application.Common;

/// <summary>One page of a list, as every list endpoint returns it: <c>{ "items": [...], "totalCount": n }</c>.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int TotalCount);

/// <summary>Paging input shared by list queries: 1-based page, page size capped so no call can ask for everything.</summary>
public readonly record struct PageRequest(int Page = 1, int PageSize = PageRequest.DefaultSize)
{
    public const int DefaultSize = 25;
    public const int MaxSize = 200;

    public int Skip => (Math.Max(Page, 1) - 1) * Take;
    public int Take => Math.Clamp(PageSize <= 0 ? DefaultSize : PageSize, 1, MaxSize);
}
