using System.Linq.Expressions;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace KeySell.Application.Common;

/// <summary>
/// One page of a list ordered by (name, id), fast at a million rows (decision 0012):
/// <list type="bullet">
/// <item>a cursor seeks past the last row read (keyset): every page costs what the first does;</item>
/// <item>a page number in the back half of an exactly counted list is read from the end, so the last page is as cheap as the first;</item>
/// <item>the total is exact up to <see cref="ExactUpTo"/> rows; beyond, it is estimated from a sample of the table
///   (<see cref="SampleSize"/> rows in id order, random since ids are random) as the share of the sample the caller may read and
///   that matches, times the table's size, and labelled <c>totalIsEstimate</c>. Counting stops at the cap, so no request
///   counts a million rows, and both the count and the sample are read through the caller's filters.</item>
/// </list>
/// </summary>
public static class ListPages
{
    public const int ExactUpTo = 10_000;
    public const int SampleSize = 10_000;

    /// <summary>
    /// The smaller sample of a common search term's estimate: its rows are read by id, scattered over the table, and on
    /// the 1M SQLite database 10,000 of them cost 200–400 ms, most of the request (decision 0012). A term common enough
    /// to be walked is at least 0.2 % of the table, so a thousand rows still see it (about ±12 % at 7 %).
    /// </summary>
    public const int SearchSampleSize = 1_000;

    /// <param name="rows">The list's rows, filtered (access rules, recycle bin, search) but not ordered.</param>
    /// <param name="table">The same record type with no filter at all: only its ids, in id order, are read as the sample.</param>
    /// <param name="tableName">The table, for its size estimate.</param>
    /// <param name="sampleTotal">
    /// Skip the capped count and estimate from the sample straight away: for a common search term walked along the name
    /// index, where counting ten thousand matches costs many times the page (decision 0012). A page that ends the list
    /// still gets its exact total, and an estimate is never below the rows the page proved.
    /// </param>
    public static async Task<Paged<TItem>> ByNameAsync<TEntity, TItem>(
        AppDbContext db,
        IQueryable<TEntity> rows,
        IQueryable<TEntity> table,
        string tableName,
        PageRequest page,
        Expression<Func<TEntity, string>> name,
        Expression<Func<TEntity, Guid>> id,
        Expression<Func<TEntity, TItem>> select,
        Func<TItem, ListCursor> cursorOf,
        CancellationToken ct,
        bool sampleTotal = false)
    {
        var take = page.Take;
        var (total, estimate) = sampleTotal
            ? (await SampleEstimateAsync(db, rows, table, tableName, id, SearchSampleSize, ct), true)
            : await CountAsync(db, rows, table, tableName, id, ct);

        List<TItem> items;
        bool more;
        if (page.Cursor is { } cursor)
        {
            items = await Ascending(rows.Where(After(name, id, cursor.Name, cursor.Id)), name, id).Take(take + 1).Select(select).ToListAsync(ct);
            more = items.Count > take;
            if (more) items.RemoveAt(take);
        }
        else if (!estimate && page.Skip >= total / 2 && page.Skip < total)
        {
            // The back half of the list, read backwards from its end: the offset stays below half the list.
            var end = Math.Min(page.Skip + take, total);
            items = await Descending(rows, name, id).Skip(total - end).Take(end - page.Skip).Select(select).ToListAsync(ct);
            items.Reverse();
            more = end < total;
        }
        else
        {
            items = await Ascending(rows, name, id).Skip(page.Skip).Take(take + 1).Select(select).ToListAsync(ct);
            more = items.Count > take;
            if (more) items.RemoveAt(take);
        }
        var next = more && items.Count > 0 ? cursorOf(items[^1]).ToString() : null;
        if (sampleTotal)
        {
            // What the page proved: a numbered page that ends the list counts it exactly (unless it lies past the end);
            // otherwise there are at least the rows up to this page's last, and one more if it is not the end.
            var before = page.Cursor is null ? page.Skip : 0;
            if (page.Cursor is null && !more && (items.Count > 0 || page.Skip == 0)) (total, estimate) = (before + items.Count, false);
            else total = Math.Max(total, before + items.Count + (more ? 1 : 0));
        }
        return new Paged<TItem>(items, total, estimate, next);
    }

    /// <summary>Exact up to the cap, else the estimate; never more than the cap plus one sample of rows is read.</summary>
    public static async Task<(int Total, bool Estimate)> CountAsync<TEntity>(
        AppDbContext db, IQueryable<TEntity> rows, IQueryable<TEntity> table, string tableName, Expression<Func<TEntity, Guid>> id, CancellationToken ct)
    {
        var counted = await rows.Take(ExactUpTo + 1).CountAsync(ct);
        if (counted <= ExactUpTo) return (counted, false);
        // Never below what was counted: the caller has at least that many rows.
        return (Math.Max(ExactUpTo + 1, await SampleEstimateAsync(db, rows, table, tableName, id, SampleSize, ct)), true);
    }

    /// <summary>
    /// The share of the table's sample that the caller may read and that matches, times the table's size: one sample
    /// of rows read by id range, whatever the size of the list.
    /// </summary>
    internal static async Task<int> SampleEstimateAsync<TEntity>(
        AppDbContext db, IQueryable<TEntity> rows, IQueryable<TEntity> table, string tableName, Expression<Func<TEntity, Guid>> id, int sampleSize, CancellationToken ct)
    {
        // The sample is the table's first ids: read the last of them, then count the caller's matching rows up to it.
        var bound = await table.OrderBy(Fresh(id)).Skip(sampleSize - 1).Select(Fresh(id)).FirstOrDefaultAsync(ct);
        // A table smaller than the sample has no such id: the sample is the whole table, and the count is exact.
        var inSample = bound == Guid.Empty
            ? await rows.CountAsync(ct)
            : await rows.Select(Fresh(id)).Where(i => i.CompareTo(bound) <= 0).CountAsync(ct);
        var size = await TableSizeAsync(db, tableName, ct);
        var sampled = Math.Min(sampleSize, Math.Max(size, 1));
        var estimate = (long)Math.Round((double)inSample / sampled * size);
        return (int)Math.Min(estimate, int.MaxValue);
    }

    /// <summary>
    /// The table's row count without counting: SQLite's largest rowid (rows are only removed by purging the recycle bin,
    /// so it stays close); PostgreSQL's planner statistics, counted once if the table was never analysed.
    /// </summary>
    private static async Task<long> TableSizeAsync(AppDbContext db, string tableName, CancellationToken ct)
    {
        // Only the lists' own tables: the name is spliced into the SQL.
        if (tableName is not ("Opportunities" or "Accounts" or "People" or "Colleagues"))
            throw new ArgumentOutOfRangeException(nameof(tableName), tableName, "not a listed table");
        var quoted = "\"" + tableName + "\"";
        // The name was checked against the list above; nothing of the caller's goes into this SQL.
#pragma warning disable EF1003
        if (!db.Database.IsNpgsql())
            return await db.Database.SqlQueryRaw<long>("SELECT coalesce(max(rowid), 0) AS \"Value\" FROM " + quoted).SingleAsync(ct);
        var stats = await db.Database.SqlQueryRaw<long>(
            "SELECT coalesce((SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass({0})), -1) AS \"Value\"", quoted).SingleAsync(ct);
        return stats >= 0 ? stats : await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM " + quoted).SingleAsync(ct);
#pragma warning restore EF1003
    }

    private static IOrderedQueryable<TEntity> Ascending<TEntity>(IQueryable<TEntity> rows, Expression<Func<TEntity, string>> name, Expression<Func<TEntity, Guid>> id) =>
        rows.OrderBy(Fresh(name)).ThenBy(Fresh(id));

    private static IOrderedQueryable<TEntity> Descending<TEntity>(IQueryable<TEntity> rows, Expression<Func<TEntity, string>> name, Expression<Func<TEntity, Guid>> id) =>
        rows.OrderByDescending(Fresh(name)).ThenByDescending(Fresh(id));

    /// <summary>(name, id) &gt; (cursor name, cursor id), written so both databases seek the (Name, Id) index.</summary>
    private static Expression<Func<TEntity, bool>> After<TEntity>(
        Expression<Func<TEntity, string>> name, Expression<Func<TEntity, Guid>> id, string afterName, Guid afterId)
    {
        // "name >= last" first: both databases take it as where the index range starts (an OR alone is only a filter on
        // PostgreSQL, which would walk the index from its beginning); the OR then drops the rows up to the last one read.
        Expression<Func<string, Guid, bool>> template = (n, i) =>
            string.Compare(n, afterName) >= 0 && (string.Compare(n, afterName) > 0 || i.CompareTo(afterId) > 0);
        var row = Expression.Parameter(typeof(TEntity), "row");
        var nameBody = ReplacingExpressionVisitor.Replace(name.Parameters[0], row, name.Body);
        var idBody = ReplacingExpressionVisitor.Replace(id.Parameters[0], row, id.Body);
        var body = ReplacingExpressionVisitor.Replace(template.Parameters[0], nameBody, template.Body);
        body = ReplacingExpressionVisitor.Replace(template.Parameters[1], idBody, body);
        return Expression.Lambda<Func<TEntity, bool>>(body, row);
    }

    /// <summary>
    /// The same lambda with a parameter of its own. One parameter object in a lambda and in a subquery nested in it
    /// breaks EF's query compiler ("rewriting a node of type ParameterExpression…"), so every use gets a fresh copy.
    /// </summary>
    private static Expression<Func<TEntity, TValue>> Fresh<TEntity, TValue>(Expression<Func<TEntity, TValue>> lambda)
    {
        var row = Expression.Parameter(typeof(TEntity), "row");
        return Expression.Lambda<Func<TEntity, TValue>>(ReplacingExpressionVisitor.Replace(lambda.Parameters[0], row, lambda.Body), row);
    }
}
