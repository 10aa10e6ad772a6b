using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using KeySell.Domain.Calls;
using KeySell.Domain.Needs;
using KeySell.Domain.Process;
using KeySell.Domain.Common;
using KeySell.Domain.Funnel;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Sheets;

namespace KeySell.Application.RedFlags;

/// <summary>
/// The analysis in the output format of docs/sheet-format.md ("The analysis"): what <c>keysell analyze</c> prints and
/// <c>GET /api/opportunities/{id}/analysis</c> returns. The version-2 parts (needs, calls, milestones) are absent on a
/// version-1 sheet, as version 1 never had them.
/// </summary>
public sealed record AnalysisDocument(
    string Opportunity,
    string AsOf,
    IReadOnlyList<RedFlagDocument> RedFlags,
    IReadOnlyList<string> Receptive,
    IReadOnlyList<string> Unreceptive,
    FunnelDocument Funnel)
{
    /// <summary>Version 2: the needs tree's checks, written as null when the tree is not drawn; absent on version 1.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public NeedsPart? Needs { get; init; }

    /// <summary>Version 2: how the calls went; absent on version 1.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CallsDocument? Calls { get; init; }

    /// <summary>Version 2: the process milestones reached and the next one; absent on version 1.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MilestonesDocument? Milestones { get; init; }

    public static AnalysisDocument From(SheetAnalysis analysis, RedFlagWords words)
    {
        var flags = new RedFlagDocument[analysis.RedFlags.Count];
        for (var i = 0; i < flags.Length; i++)
        {
            var flag = analysis.RedFlags[i];
            var (message, action) = words.Describe(flag, analysis);
            flags[i] = new RedFlagDocument(flag.Id, flag.Influence?.Id, RedFlagSeverities.Of(flag.Id).ToId(), message, action, flag.AddressedBy);
        }
        var document = new AnalysisDocument(
            analysis.Sheet.Opportunity.Name,
            analysis.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            flags,
            Ids(analysis.Receptive),
            Ids(analysis.Unreceptive),
            new FunnelDocument(
                analysis.Funnel.Level.ToId(),
                analysis.Funnel.Premature,
                analysis.Funnel.Unmet.Count == 0 ? [] : analysis.Funnel.Unmet.Select(u => u.ToId()).ToArray(),
                analysis.Funnel.HighestMet.ToId()));
        if (!analysis.Sheet.IsVersion2) return document;
        return document with
        {
            Needs = new NeedsPart(analysis.Needs is { } needs ? NeedsDocument.From(needs) : null),
            Calls = CallsDocument.From(analysis.Calls!),
            Milestones = MilestonesDocument.From(analysis.Milestones!),
        };
    }

    private static string[] Ids(IReadOnlyList<SheetInfluence> influences)
    {
        if (influences.Count == 0) return [];
        var ids = new string[influences.Count];
        for (var i = 0; i < ids.Length; i++) ids[i] = influences[i].Id;
        return ids;
    }
}

public sealed record RedFlagDocument(string Id, string? Influence, string Severity, string Message, string Action, IReadOnlyList<string> AddressedBy);

public sealed record FunnelDocument(string Level, bool Premature, IReadOnlyList<string> Unmet, string HighestMet);

/// <summary>The three checks of the needs tree (true = the rule does not fire) and the counts behind them.</summary>
public sealed record NeedsDocument(bool Rooted, bool Decomposed, bool Landed, IReadOnlyList<string> Layers, int Leaves, int UnlandedLeaves)
{
    public static NeedsDocument From(NeedsChecks checks) =>
        new(checks.Rooted, checks.Decomposed, checks.Landed, [.. checks.Layers.Select(l => l.ToId())], checks.Leaves, checks.UnlandedLeaves);
}

/// <summary>
/// The <c>needs</c> member of a version-2 analysis: present even when there is no tree (then JSON null), unlike on
/// version 1, where the member is absent; the wrapper tells the two apart.
/// </summary>
[JsonConverter(typeof(NeedsPartConverter))]
public sealed record NeedsPart(NeedsDocument? Tree);

public sealed class NeedsPartConverter : JsonConverter<NeedsPart>
{
    public override bool HandleNull => true;

    public override NeedsPart Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.TokenType == JsonTokenType.Null ? null : JsonSerializer.Deserialize<NeedsDocument>(ref reader, options));

    public override void Write(Utf8JsonWriter writer, NeedsPart value, JsonSerializerOptions options)
    {
        if (value.Tree is null) writer.WriteNullValue();
        else JsonSerializer.Serialize(writer, value.Tree, options);
    }
}

/// <summary>Held calls by outcome, and the day of the next planned call from as-of on (null if none).</summary>
public sealed record CallsDocument(int Done, int Advances, int Continuations, string? NextCall)
{
    public static CallsDocument From(CallsSummary calls) =>
        new(calls.Done, calls.Advances, calls.Continuations, calls.NextCall?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}

/// <summary>The milestones reached, in the method's order, and the first one not reached (null when all are).</summary>
public sealed record MilestonesDocument(IReadOnlyList<string> Done, string? Next)
{
    public static MilestonesDocument From(ProcessProgress progress) => new([.. progress.Done.Select(m => m.ToId())], progress.Next?.ToId());
}
