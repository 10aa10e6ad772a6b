using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using KeySell.Domain.Common;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Sheets;

namespace KeySell.Application.RedFlags;

/// <summary>
/// Writes an analysis in the contract's output format straight from the engine's result: byte for byte what
/// serialising <see cref="AnalysisDocument"/> with <see cref="System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>
/// gives, but without a string per message and action or a writer call per token. <c>keysell analyze --jsonl</c>
/// writes millions of analyses, and the shape is small and fixed, so the fixed parts are written as ready-made
/// bytes. It keeps no state between analyses.
/// </summary>
public sealed class AnalysisWriter(RedFlagWords words)
{
    public RedFlagWords Words { get; } = words;

    /// <summary>The analysis as one line of compact JSON, without the line's end.</summary>
    public void WriteCompact(IBufferWriter<byte> json, SheetAnalysis analysis)
    {
        json.Write("{\"opportunity\":"u8);
        RelaxedJson.WriteString(json, analysis.Sheet.Opportunity.Name);
        json.Write(",\"asOf\":\""u8);
        WriteDay(json, analysis.AsOf);
        json.Write("\",\"redFlags\":["u8);
        for (var i = 0; i < analysis.RedFlags.Count; i++)
        {
            var flag = analysis.RedFlags[i];
            json.Write(i == 0 ? "{\"id\":"u8 : ",{\"id\":"u8);
            RelaxedJson.WriteString(json, flag.Id);
            json.Write(",\"influence\":"u8);
            if (flag.Influence is { } influence) RelaxedJson.WriteString(json, influence.Id);
            else json.Write("null"u8);
            json.Write(",\"severity\":"u8);
            json.Write(Severity(flag.Id));
            json.Write(",\"message\":"u8);
            Words.WriteMessageJson(flag, analysis, json);
            json.Write(",\"action\":"u8);
            Words.WriteActionJson(flag, analysis, json);
            json.Write(",\"addressedBy\":"u8);
            WriteStrings(json, flag.AddressedBy, static strength => strength);
            json.Write("}"u8);
        }
        json.Write("],\"receptive\":"u8);
        WriteStrings(json, analysis.Receptive, static influence => influence.Id);
        json.Write(",\"unreceptive\":"u8);
        WriteStrings(json, analysis.Unreceptive, static influence => influence.Id);
        json.Write(",\"funnel\":{\"level\":"u8);
        RelaxedJson.WriteString(json, analysis.Funnel.Level.ToId());
        json.Write(analysis.Funnel.Premature ? ",\"premature\":true,\"unmet\":"u8 : ",\"premature\":false,\"unmet\":"u8);
        WriteStrings(json, analysis.Funnel.Unmet, static prerequisite => prerequisite.ToId());
        json.Write(",\"highestMet\":"u8);
        RelaxedJson.WriteString(json, analysis.Funnel.HighestMet.ToId());
        json.Write("}"u8);
        if (analysis.Sheet.IsVersion2) WriteToolkit(json, analysis);
        json.Write("}"u8);
    }

    /// <summary>The version-2 parts, in the order and with exactly the keys of <see cref="AnalysisDocument"/>.</summary>
    private static void WriteToolkit(IBufferWriter<byte> json, SheetAnalysis analysis)
    {
        json.Write(",\"needs\":"u8);
        if (analysis.Needs is { } needs)
        {
            json.Write(needs.Rooted ? "{\"rooted\":true"u8 : "{\"rooted\":false"u8);
            json.Write(needs.Decomposed ? ",\"decomposed\":true"u8 : ",\"decomposed\":false"u8);
            json.Write(needs.Landed ? ",\"landed\":true,\"layers\":"u8 : ",\"landed\":false,\"layers\":"u8);
            WriteStrings(json, needs.Layers, static layer => layer.ToId());
            json.Write(",\"leaves\":"u8);
            WriteNumber(json, needs.Leaves);
            json.Write(",\"unlandedLeaves\":"u8);
            WriteNumber(json, needs.UnlandedLeaves);
            json.Write("}"u8);
        }
        else json.Write("null"u8);

        var calls = analysis.Calls!;
        json.Write(",\"calls\":{\"done\":"u8);
        WriteNumber(json, calls.Done);
        json.Write(",\"advances\":"u8);
        WriteNumber(json, calls.Advances);
        json.Write(",\"continuations\":"u8);
        WriteNumber(json, calls.Continuations);
        json.Write(",\"nextCall\":"u8);
        if (calls.NextCall is { } next)
        {
            json.Write("\""u8);
            WriteDay(json, next);
            json.Write("\""u8);
        }
        else json.Write("null"u8);

        var milestones = analysis.Milestones!;
        json.Write("},\"milestones\":{\"done\":"u8);
        WriteStrings(json, milestones.Done, static milestone => milestone.ToId());
        json.Write(",\"next\":"u8);
        if (milestones.Next is { } nextMilestone) RelaxedJson.WriteString(json, nextMilestone.ToId());
        else json.Write("null"u8);
        json.Write("}"u8);
    }

    private static void WriteNumber(IBufferWriter<byte> json, int value)
    {
        var span = json.GetSpan(11);
        value.TryFormat(span, out var length, provider: CultureInfo.InvariantCulture);
        json.Advance(length);
    }

    private static void WriteDay(IBufferWriter<byte> json, DateOnly day)
    {
        var span = json.GetSpan(10);
        day.TryFormat(span, out var length, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        json.Advance(length);
    }

    /// <summary>The analysis as indented JSON for a person to read; one sheet at a time, so speed does not matter here.</summary>
    public string WriteIndented(SheetAnalysis analysis)
    {
        var compact = new ArrayBufferWriter<byte>(4096);
        WriteCompact(compact, analysis);
        using var document = JsonDocument.Parse(compact.WrittenMemory);
        var indented = new ArrayBufferWriter<byte>(compact.WrittenCount * 2);
        using (var json = new Utf8JsonWriter(indented, new JsonWriterOptions { Encoder = RelaxedJson.Encoder, Indented = true }))
        {
            document.WriteTo(json);
        }
        return Encoding.UTF8.GetString(indented.WrittenSpan);
    }

    private static ReadOnlySpan<byte> Severity(string id) => RedFlagSeverities.Of(id) switch
    {
        RedFlagSeverity.Critical => "\"critical\""u8,
        RedFlagSeverity.Info => "\"info\""u8,
        _ => "\"warning\""u8,
    };

    /// <summary>A JSON array of the items' texts.</summary>
    private static void WriteStrings<T>(IBufferWriter<byte> json, IReadOnlyList<T> items, Func<T, string> text)
    {
        json.Write("["u8);
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) json.Write(","u8);
            RelaxedJson.WriteString(json, text(items[i]));
        }
        json.Write("]"u8);
    }
}
