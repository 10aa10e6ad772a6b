using System.Globalization;
using KeySell.Application.Common;

namespace KeySell.Cli.Commands;

/// <summary>How the commands turn arguments into use-case input and use-case results into exit codes and lines.</summary>
public static class UseCaseResults
{
    /// <summary>
    /// Validation problems are the caller's to fix (exit 2, one line per field message); not found, conflict and the
    /// rest are failures (exit 1). <paramref name="field"/> renames a use case's field (<c>members[0].userId</c>)
    /// to what the caller typed (<c>--member x@y</c>).
    /// </summary>
    public static T Unwrap<T>(Result<T> result, Func<string, string>? field = null)
    {
        if (result.Error is not { } error) return result.Value;
        if (error.Kind != ErrorKind.Validation) throw CliFailure.Failed(error.Message);
        var lines = error.Fields.Count == 0
            ? ["keysell: " + error.Message]
            : error.Fields.SelectMany(f => f.Value.Select(message => $"keysell: {(field ?? (name => name))(f.Key)}: {message}")).ToList();
        throw CliFailure.BadInput(lines);
    }

    public static Guid Id(string text, string what) =>
        Guid.TryParse(text, out var id) ? id : throw CliFailure.BadInput($"'{text}' is not {what} id; expected a GUID such as 0c6f1b2e-5d7a-4c1e-9a43-2f8d6b1e7c90.");

    /// <summary>An ISO 8601 date or instant; without an offset it is UTC, as the database stores it.</summary>
    public static DateTimeOffset? Instant(string? text, string option)
    {
        if (text is null) return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw CliFailure.BadInput($"{option}: '{text}' is not an ISO 8601 date or instant, e.g. 2026-11-27 or 2026-11-27T09:30:00+08:00.");
    }

    /// <summary>Every page of a list use case, for commands that print the whole list.</summary>
    public static async Task<Paged<T>> AllPagesAsync<T>(Func<PageRequest, Task<Result<Paged<T>>>> list)
    {
        var items = new List<T>();
        for (var page = 1; ; page++)
        {
            var one = Unwrap(await list(new PageRequest(page, PageRequest.MaxSize)));
            items.AddRange(one.Items);
            if (one.Items.Count < PageRequest.MaxSize || items.Count >= one.TotalCount) return new Paged<T>(items, items.Count);
        }
    }

    /// <summary>UTC with seconds, the same width on every line.</summary>
    public static string Text(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
