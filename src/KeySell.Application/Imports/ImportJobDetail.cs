using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using KeySell.Domain.Imports;

namespace KeySell.Application.Imports;

/// <summary>An import job as the API, the page and the CLI report it. In a dry run the counts say what the run would do.</summary>
public sealed record ImportJobDetail(
    Guid Id, ImportKind Kind, string FileName, long FileBytes, string Source, bool DryRun, ImportState State,
    long RowsRead, long Created, long Updated, long Unchanged, long BadRows, long Problems,
    IReadOnlyList<ImportProblem> FirstProblems, IReadOnlyList<string> IgnoredColumns, IReadOnlyDictionary<string, string> Mapping,
    string? Message, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, bool HasErrorFile)
{
    /// <summary>How the job's JSON columns are written and read.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static ImportJobDetail From(ImportJob job) => new(
        job.Id, job.Kind, job.FileName, job.FileBytes, job.Source, job.DryRun, job.State,
        job.RowsRead, job.Created, job.Updated, job.Unchanged, job.BadRows, job.Problems,
        JsonSerializer.Deserialize<List<ImportProblem>>(job.FirstProblems, Json) ?? [],
        JsonSerializer.Deserialize<List<string>>(job.IgnoredColumns, Json) ?? [],
        JsonSerializer.Deserialize<Dictionary<string, string>>(job.Mapping, Json) ?? [],
        job.Message, job.CreatedAt, job.StartedAt, job.FinishedAt, job.BadRows > 0);
}
