using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using KeySell.Domain.Common;
using KeySell.Domain.Sheets;

namespace KeySell.Application.RedFlags;

/// <summary>
/// Writes an analysis in the contract's output format straight from the engine's result, member for member what
/// serialising <see cref="AnalysisDocument"/> gives, but without making a string of every message and action on
/// the way: <c>keysell analyze --jsonl</c> writes millions of them. One instance is reused across analyses; it is
/// not safe to share between threads.
/// </summary>
public sealed class AnalysisWriter(RedFlagWords words)
{
    private static readonly JsonEncodedText Opportunity = JsonEncodedText.Encode("opportunity");
    private static readonly JsonEncodedText AsOf = JsonEncodedText.Encode("asOf");
    private static readonly JsonEncodedText RedFlags = JsonEncodedText.Encode("redFlags");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Influence = JsonEncodedText.Encode("influence");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText Action = JsonEncodedText.Encode("action");
    private static readonly JsonEncodedText AddressedBy = JsonEncodedText.Encode("addressedBy");
    private static readonly JsonEncodedText Receptive = JsonEncodedText.Encode("receptive");
    private static readonly JsonEncodedText Unreceptive = JsonEncodedText.Encode("unreceptive");
    private static readonly JsonEncodedText Funnel = JsonEncodedText.Encode("funnel");
    private static readonly JsonEncodedText Level = JsonEncodedText.Encode("level");
    private static readonly JsonEncodedText Premature = JsonEncodedText.Encode("premature");
    private static readonly JsonEncodedText Unmet = JsonEncodedText.Encode("unmet");
    private static readonly JsonEncodedText HighestMet = JsonEncodedText.Encode("highestMet");

    private readonly ArrayBufferWriter<byte> _text = new(1024);

    public RedFlagWords Words { get; } = words;

    /// <summary>
    /// How the writer given to <see cref="Write"/> must escape: as the messages are escaped, so that Chinese stays
    /// readable instead of <c>\uXXXX</c>.
    /// </summary>
    public static JsonWriterOptions Options(bool indented) =>
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = indented };

    public void Write(Utf8JsonWriter json, SheetAnalysis analysis)
    {
        if (json.Options.Encoder != JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            throw new ArgumentException("Write analyses with AnalysisWriter.Options, whose escaping the messages share.", nameof(json));

        json.WriteStartObject();
        json.WriteString(Opportunity, analysis.Sheet.Opportunity.Name);
        Span<char> day = stackalloc char[10];
        analysis.AsOf.TryFormat(day, out var length, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        json.WriteString(AsOf, day[..length]);

        json.WriteStartArray(RedFlags);
        foreach (var flag in analysis.RedFlags)
        {
            json.WriteStartObject();
            json.WriteString(Id, flag.Id);
            if (flag.Influence is { } influence) json.WriteString(Influence, influence.Id);
            else json.WriteNull(Influence);
            // The words arrive as finished JSON strings, escaped as this writer would escape them.
            json.WritePropertyName(Message);
            _text.ResetWrittenCount();
            Words.WriteMessageJson(flag, analysis, _text);
            json.WriteRawValue(_text.WrittenSpan, skipInputValidation: true);
            json.WritePropertyName(Action);
            _text.ResetWrittenCount();
            Words.WriteActionJson(flag, analysis, _text);
            json.WriteRawValue(_text.WrittenSpan, skipInputValidation: true);
            json.WriteStartArray(AddressedBy);
            foreach (var strength in flag.AddressedBy) json.WriteStringValue(strength);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();

        WriteIds(json, Receptive, analysis.Receptive);
        WriteIds(json, Unreceptive, analysis.Unreceptive);

        json.WriteStartObject(Funnel);
        json.WriteString(Level, analysis.Funnel.Level.ToId());
        json.WriteBoolean(Premature, analysis.Funnel.Premature);
        json.WriteStartArray(Unmet);
        foreach (var prerequisite in analysis.Funnel.Unmet) json.WriteStringValue(prerequisite.ToId());
        json.WriteEndArray();
        json.WriteString(HighestMet, analysis.Funnel.HighestMet.ToId());
        json.WriteEndObject();

        json.WriteEndObject();
    }

    private static void WriteIds(Utf8JsonWriter json, JsonEncodedText name, IReadOnlyList<SheetInfluence> influences)
    {
        json.WriteStartArray(name);
        foreach (var influence in influences) json.WriteStringValue(influence.Id);
        json.WriteEndArray();
    }
}
