using System.Runtime.CompilerServices;
using KeySell.Application.Data;
using KeySell.Application.Data.Sql;
using KeySell.Application.Resources;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Common;

/// <summary>
/// "Any part of a name", fast at a million rows (decision 0012): the gram indexes of <see cref="SearchSql"/> narrow the
/// rows to candidates, and each list then checks the real substring with <c>lower(..)</c> as before, so the index only
/// has to find a superset. The ids come from raw tables: the access filters and the recycle bin still apply to the
/// list that uses them, so a candidate the caller may not read never shows, nor counts.
/// </summary>
public static class TextSearch
{
    /// <summary>The search text as lists compare it, or null for none; an error past <see cref="InputLimits.MaxSearchLength"/>.</summary>
    public static Result<string?> Normalize(string? search)
    {
        if (string.IsNullOrWhiteSpace(search)) return (string?)null;
        var text = search.Trim();
        if (text.Length > InputLimits.MaxSearchLength) return Error.Invalid("search", Messages.Format("TooLong", InputLimits.MaxSearchLength));
        return text.ToLowerInvariant();
    }

    /// <summary>
    /// Ids of deals whose name, or whose account's name, industry or region, may contain <paramref name="text"/> (lower
    /// case, trimmed): one set, so the database drives the list from it (an OR of two sets made PostgreSQL scan every deal).
    /// </summary>
    public static IQueryable<Guid> OpportunityCandidates(AppDbContext db, string text) =>
        db.Database.SqlQuery<Guid>(FormattableStringFactory.Create(
            OpportunitySets(db, "AS \"Value\"", "UNION"), Argument(db, text)));

    /// <summary>Ids of accounts whose name, industry or region may contain <paramref name="text"/>.</summary>
    public static IQueryable<Guid> AccountCandidates(AppDbContext db, string text) =>
        db.Database.SqlQuery<Guid>(FormattableStringFactory.Create(AccountSet(db, "AS \"Value\""), Argument(db, text)));

    /// <summary>
    /// How many deal candidates the index gives, counted no further than <paramref name="atMost"/> + 1: the two sets
    /// are added, not merged (a deal found by both counts twice), so the database can stop at the limit instead of
    /// reading and de-duplicating a common gram's whole list. Enough to tell a common term from a rare one.
    /// </summary>
    public static Task<int> CountOpportunityCandidatesAsync(AppDbContext db, string text, int atMost, CancellationToken ct) =>
        CountAsync(db, OpportunitySets(db, "", "UNION ALL"), Argument(db, text), atMost, ct);

    /// <summary>How many account candidates the index gives, counted no further than <paramref name="atMost"/> + 1.</summary>
    public static Task<int> CountAccountCandidatesAsync(AppDbContext db, string text, int atMost, CancellationToken ct) =>
        CountAsync(db, AccountSet(db, ""), Argument(db, text), atMost, ct);

    private static Task<int> CountAsync(AppDbContext db, string set, string argument, int atMost, CancellationToken ct) =>
        db.Database.SqlQuery<int>(FormattableStringFactory.Create(
            $"SELECT count(*) AS \"Value\" FROM ({set} LIMIT {{1}}) AS \"Candidates\"", argument, Math.Max(atMost, 0) + 1)).SingleAsync(ct);

    private static string Argument(AppDbContext db, string text) => db.Database.IsNpgsql() ? text : SqliteMatch(text);

    // {0} is the search argument: the text on PostgreSQL, the FTS5 query on SQLite.
    private static string OpportunitySets(AppDbContext db, string alias, string union) =>
        db.Database.IsNpgsql()
            ? $"SELECT \"Id\" {alias} FROM \"Opportunities\" WHERE keysell_grams(\"Name\") @> keysell_query_grams({{0}}) " +
              $"{union} SELECT \"Id\" FROM \"Opportunities\" WHERE \"AccountId\" IN " +
              $"(SELECT \"Id\" FROM \"Accounts\" WHERE keysell_grams({SearchSql.PostgresAccountText}) @> keysell_query_grams({{0}}))"
            : $"SELECT \"Id\" {alias} FROM \"Opportunities\" WHERE rowid IN (SELECT rowid FROM \"OpportunitySearch\" WHERE \"OpportunitySearch\" MATCH {{0}}) " +
              $"{union} SELECT \"Id\" FROM \"Opportunities\" WHERE \"AccountId\" IN " +
              "(SELECT \"Id\" FROM \"Accounts\" WHERE rowid IN (SELECT rowid FROM \"AccountSearch\" WHERE \"AccountSearch\" MATCH {0}))";

    private static string AccountSet(AppDbContext db, string alias) =>
        db.Database.IsNpgsql()
            ? $"SELECT \"Id\" {alias} FROM \"Accounts\" WHERE keysell_grams({SearchSql.PostgresAccountText}) @> keysell_query_grams({{0}})"
            : $"SELECT \"Id\" {alias} FROM \"Accounts\" WHERE rowid IN (SELECT rowid FROM \"AccountSearch\" WHERE \"AccountSearch\" MATCH {{0}})";

    /// <summary>
    /// Whether the index can narrow this text on SQLite: FTS5's unicode61 drops spaces and punctuation, so only grams of
    /// letters and digits were indexed there. A text with none (only punctuation) is searched without the index.
    /// </summary>
    public static bool Indexable(AppDbContext db, string text) => db.Database.IsNpgsql() || Grams(text).Count > 0;

    /// <summary>The FTS5 query: the one character, or every 2-character gram of letters and digits, all required.</summary>
    internal static string SqliteMatch(string text) => string.Join(" AND ", Grams(text).Select(g => $"\"{g}\""));

    internal static IReadOnlyList<string> Grams(string text)
    {
        if (text.Length == 1) return char.IsLetterOrDigit(text[0]) ? [text] : [];
        var grams = new List<string>();
        for (var i = 0; i + 1 < text.Length; i++)
            if (char.IsLetterOrDigit(text[i]) && char.IsLetterOrDigit(text[i + 1]))
            {
                var gram = text.Substring(i, 2);
                if (!grams.Contains(gram)) grams.Add(gram);
            }
        if (grams.Count == 0)
            foreach (var c in text)
                if (char.IsLetterOrDigit(c) && !grams.Contains(c.ToString())) grams.Add(c.ToString());
        return grams;
    }
}
