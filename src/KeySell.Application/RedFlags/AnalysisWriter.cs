using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using KeySell.Domain.Common;
using KeySell.Domain.Sheets;

namespace KeySell.Application.RedFlags;

/// <summary>
/// Writes an analysis in the contract's output format straight from the engine's result: byte for byte what
/// serialising <see cref="AnalysisDocument"/> with <see cref="System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>
/// gives, but without a string per message and action or a writer call per token. <c>keysell analyze --jsonl</c>
/// writes millions of analyses, and the shape is small and fixed, so the fixed parts are written as ready-made
/// bytes. One instance is reused across analyses; it is not safe to share between threads.
/// </summary>
public sealed class AnalysisWriter(RedFlagWords words)
{
    private readonly ArrayBufferWriter<byte> _compact = new(4096);

    public RedFlagWords Words { get; } = words;

    /// <summary>The analysis as one line of compact JSON, without the line's end.</summary>
    public void WriteCompact(IBufferWriter<byte> json, SheetAnalysis analysis)
    {
        json.Write("{\"opportunity\":"u8);
        RelaxedJson.WriteString(json, analysis.Sheet.Opportunity.Name);
        json.Write(",\"asOf\":\""u8);
        var day = json.GetSpan(10);
        analysis.AsOf.TryFormat(day, out var length, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        json.Advance(length);
        json.Write("\",\"redFlags\":["u8);
        for (var i = 0; i < analysis.RedFlags.Count; i++)
        {
            var flag = analysis.RedFlags[i];
            json.Write(i == 0 ? "{\"id\":"u8 : ",{\"id\":"u8);
            RelaxedJson.WriteString(json, flag.Id);
            json.Write(",\"influence\":"u8);
            if (flag.Influence is { } influence) RelaxedJson.WriteString(json, influence.Id);
            else json.Write("null"u8);
            json.Write(",\"message\":"u8);
            Words.WriteMessageJson(flag, analysis, json);
            json.Write(",\"action\":"u8);
            Words.WriteActionJson(flag, analysis, json);
            json.Write(",\"addressedBy\":"u8);
            WriteStrings(json, flag.AddressedBy);
            json.Write("}"u8);
        }
        json.Write("],\"receptive\":"u8);
        WriteIds(json, analysis.Receptive);
        json.Write(",\"unreceptive\":"u8);
        WriteIds(json, analysis.Unreceptive);
        json.Write(",\"funnel\":{\"level\":"u8);
        RelaxedJson.WriteString(json, analysis.Funnel.Level.ToId());
        json.Write(analysis.Funnel.Premature ? ",\"premature\":true,\"unmet\":["u8 : ",\"premature\":false,\"unmet\":["u8);
        for (var i = 0; i < analysis.Funnel.Unmet.Count; i++)
        {
            if (i > 0) json.Write(","u8);
            RelaxedJson.WriteString(json, analysis.Funnel.Unmet[i].ToId());
        }
        json.Write("],\"highestMet\":"u8);
        RelaxedJson.WriteString(json, analysis.Funnel.HighestMet.ToId());
        json.Write("}}"u8);
    }

    /// <summary>The analysis as indented JSON for a person to read; one sheet at a time, so speed does not matter here.</summary>
    public string WriteIndented(SheetAnalysis analysis)
    {
        _compact.ResetWrittenCount();
        WriteCompact(_compact, analysis);
        using var document = JsonDocument.Parse(_compact.WrittenMemory);
        var indented = new ArrayBufferWriter<byte>(_compact.WrittenCount * 2);
        using (var json = new Utf8JsonWriter(indented, new JsonWriterOptions { Encoder = RelaxedJson.Encoder, Indented = true }))
        {
            document.WriteTo(json);
        }
        return Encoding.UTF8.GetString(indented.WrittenSpan);
    }

    private static void WriteIds(IBufferWriter<byte> json, IReadOnlyList<SheetInfluence> influences)
    {
        json.Write("["u8);
        for (var i = 0; i < influences.Count; i++)
        {
            if (i > 0) json.Write(","u8);
            RelaxedJson.WriteString(json, influences[i].Id);
        }
        json.Write("]"u8);
    }

    private static void WriteStrings(IBufferWriter<byte> json, IReadOnlyList<string> texts)
    {
        json.Write("["u8);
        for (var i = 0; i < texts.Count; i++)
        {
            if (i > 0) json.Write(","u8);
            RelaxedJson.WriteString(json, texts[i]);
        }
        json.Write("]"u8);
    }
}
