using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Resources;
using System.Text.Encodings.Web;
using System.Text.Json;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Common;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Sheets;

namespace KeySell.Application.RedFlags;

/// <summary>
/// Puts a red flag into words a seller acts on: a message naming the person and the concrete gap,
/// and the method's suggested action, in English or Simplified Chinese.
/// </summary>
public sealed class RedFlagWords
{
    private static readonly ResourceManager Resources = new("KeySell.Application.Resources.RedFlagWords", typeof(RedFlagWords).Assembly);

    /// <summary>The dimensions in the order the grid shows them, with their resource keys (before
    /// <see cref="English"/>, whose vocabulary reads them).</summary>
    private static readonly (MissingDimensions Dimension, string Key)[] Dimensions =
    [
        (MissingDimensions.Roles, "Dimension.Roles"), (MissingDimensions.Influence, "Dimension.Influence"),
        (MissingDimensions.Support, "Dimension.Support"), (MissingDimensions.Contact, "Dimension.Contact"), (MissingDimensions.Mode, "Dimension.Mode"),
    ];

    /// <summary>
    /// ResourceManager walks the culture fallback chain on every call, and <c>analyze --jsonl</c> words millions of
    /// flags; the texts never change while the process runs, so each culture's are looked up and parsed once.
    /// </summary>
    private static readonly ConcurrentDictionary<string, Vocabulary> Vocabularies = new(StringComparer.Ordinal);

    private readonly Vocabulary _vocabulary;

    public RedFlagWords(CultureInfo culture)
    {
        Culture = culture;
        _vocabulary = Vocabularies.GetOrAdd(culture.Name, _ => new Vocabulary(culture));
    }

    public static RedFlagWords English { get; } = new(CultureInfo.GetCultureInfo("en"));
    public static RedFlagWords Chinese { get; } = new(CultureInfo.GetCultureInfo("zh-CN"));

    public CultureInfo Culture { get; }

    /// <summary>The words of the caller's UI culture: Chinese for any Chinese culture, else English.</summary>
    public static RedFlagWords Current =>
        CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    public static RedFlagWords For(string? language) => language switch
    {
        null or "" or "en" => English,
        "zh-CN" or "zh" or "zh-Hans" => Chinese,
        _ => throw new ArgumentException($"Unsupported language '{language}'; use en or zh-CN.", nameof(language)),
    };

    /// <summary>The rule's short name (没有教练, "No coach"); the id itself for a rule this build does not know.</summary>
    public string Name(string id) => Resources.GetString(id + ".Name", Culture) ?? id;

    public (string Message, string Action) Describe(RedFlag flag, SheetAnalysis analysis)
    {
        var text = new TextSink(new ArrayBufferWriter<char>(256));
        var words = _vocabulary.Flag(flag.Id);
        Fill(words.Message, flag, analysis, ref text);
        var message = new string(text.Written);
        text.Clear();
        Fill(words.ActionOf(flag), flag, analysis, ref text);
        return (message, new string(text.Written));
    }

    /// <summary>
    /// Writes the message as a JSON string value, quotes included, escaped exactly as
    /// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> escapes (Chinese stays readable); the fixed parts of
    /// every text are escaped once per process, so streaming millions of flags makes no string and escapes only names.
    /// </summary>
    public void WriteMessageJson(RedFlag flag, SheetAnalysis analysis, IBufferWriter<byte> into)
    {
        var json = new JsonSink(into);
        Fill(_vocabulary.Flag(flag.Id).Message, flag, analysis, ref json);
        json.End();
    }

    /// <summary>Writes the suggested action as a JSON string value, as <see cref="WriteMessageJson"/> does the message.</summary>
    public void WriteActionJson(RedFlag flag, SheetAnalysis analysis, IBufferWriter<byte> into)
    {
        var json = new JsonSink(into);
        Fill(_vocabulary.Flag(flag.Id).ActionOf(flag), flag, analysis, ref json);
        json.End();
    }

    private void Fill<TSink>(Template template, RedFlag flag, SheetAnalysis analysis, ref TSink into) where TSink : struct, ISink
    {
        foreach (var segment in template.Segments)
        {
            if (segment.Slot == Slot.None || !Write(segment.Slot, flag, analysis, ref into)) into.Literal(segment);
        }
    }

    /// <summary>
    /// False when this flag has no value for the slot: its placeholder then stays as written. Each placeholder has one
    /// meaning in every rule's words (<c>{weakness}</c> only in coach-weak's, <c>{missing}</c> only in
    /// missing-information's…), so the words are found by the flag's id in the resources and filled from the flag's
    /// own facts, never by testing which rule it is.
    /// </summary>
    private bool Write<TSink>(Slot slot, RedFlag flag, SheetAnalysis analysis, ref TSink into) where TSink : struct, ISink
    {
        var influence = flag.Influence;
        var opportunity = analysis.Sheet.Opportunity;
        switch (slot)
        {
            case Slot.Name:
                into.Value(influence?.Name);
                return true;
            case Slot.Support:
                if (influence?.Support is { } support) WriteSupport(support, ref into);
                else into.Value("?");
                return true;
            case Slot.Account:
                into.Value(opportunity.Account);
                return true;
            case Slot.Status when influence is not null:
                into.Literal(_vocabulary.Text("Status." + influence.Status.ToId()));
                return true;
            case Slot.Weakness when influence is not null:
                WriteCoachGap(influence, ref into);
                return true;
            case Slot.Missing:
                WriteDimensions(flag.Missing, ref into);
                return true;
            case Slot.Lacking:
                WriteObjectiveGaps(opportunity.Objective, ref into);
                return true;
            case Slot.Role when influence is not null:
                into.Literal(_vocabulary.Text(influence.Influence == InfluenceLevel.High ? "Role.high" : "Role.economic"));
                return true;
            case Slot.Mode when influence is not null:
                into.Literal(_vocabulary.Text("Mode." + influence.Mode.ToId()));
                return true;
            case Slot.Since when influence is not null:
                if (influence.Since is { } since) Format(since, _vocabulary.DateFormat, Culture, ref into);
                return true;
            case Slot.Days:
                Format(analysis.Settings.StaleDays, null, CultureInfo.InvariantCulture, ref into);
                return true;
            case Slot.Text when flag.Objection is { } objection:
                into.Value(objection.Text);
                return true;
            case Slot.Text when flag.Action is { } action:
                into.Value(action.Text);
                return true;
            case Slot.Text when flag.Text is { } text:
                into.Value(text);
                return true;
            case Slot.Due when flag.Action?.Due is { } due:
                Format(due, _vocabulary.DateFormat, Culture, ref into);
                return true;
            case Slot.Count:
                Format(flag.Count, null, CultureInfo.InvariantCulture, ref into);
                return true;
            case Slot.Outcome when opportunity.ExpectedOutcome is { } outcome:
                into.Literal(_vocabulary.Text("Outcome." + outcome.ToId()));
                return true;
            case Slot.Score:
                if (opportunity.IdealCustomerScore is { } score) Format(score, "0.##", Culture, ref into);
                return true;
            case Slot.Threshold:
                Format(analysis.Settings.FitThreshold, "0.##", Culture, ref into);
                return true;
            default:
                return false;
        }
    }

    private void WriteCoachGap<TSink>(SheetInfluence coach, ref TSink into) where TSink : struct, ISink
    {
        var low = coach.Influence == InfluenceLevel.Low;
        if (low) into.Literal(_vocabulary.LowInfluence);
        if (coach.Support is { } support && support < Domain.RedFlags.Rules.CoachWeak.MinimumSupport)
        {
            if (low) into.Literal(_vocabulary.And);
            foreach (var segment in _vocabulary.LowSupport.Segments)
            {
                if (segment.Slot == Slot.Support) WriteSupport(support, ref into);
                else into.Literal(segment);
            }
        }
    }

    private void WriteDimensions<TSink>(MissingDimensions missing, ref TSink into) where TSink : struct, ISink
    {
        var first = true;
        for (var i = 0; i < Dimensions.Length; i++)
        {
            if ((missing & Dimensions[i].Dimension) == 0) continue;
            if (!first) into.Literal(_vocabulary.Separator);
            into.Literal(_vocabulary.Dimensions[i]);
            first = false;
        }
    }

    private void WriteObjectiveGaps<TSink>(SheetObjective objective, ref TSink into) where TSink : struct, ISink
    {
        var first = true;
        foreach (var (missing, text) in (ReadOnlySpan<(bool, Segment)>)
        [
            (string.IsNullOrWhiteSpace(objective.Product), _vocabulary.Product), (objective.Amount is null, _vocabulary.Amount),
            (objective.CloseDate is null, _vocabulary.CloseDate),
        ])
        {
            if (!missing) continue;
            if (!first) into.Literal(_vocabulary.Separator);
            into.Literal(text);
            first = false;
        }
    }

    private static void WriteSupport<TSink>(int support, ref TSink into) where TSink : struct, ISink =>
        Format(support, "+0;-0;0", CultureInfo.InvariantCulture, ref into);

    private static void Format<T, TSink>(T value, string? format, CultureInfo culture, ref TSink into)
        where T : ISpanFormattable where TSink : struct, ISink
    {
        Span<char> text = stackalloc char[64];
        if (value.TryFormat(text, out var written, format, culture)) into.Value(text[..written]);
        else into.Value(value.ToString(format, culture));
    }

    /// <summary>Where a text is filled in: plain text for the screen and the API, or a JSON string for streams.</summary>
    private interface ISink
    {
        void Literal(Segment segment);

        void Value(ReadOnlySpan<char> text);
    }

    private readonly struct TextSink(ArrayBufferWriter<char> text) : ISink
    {
        public ReadOnlySpan<char> Written => text.WrittenSpan;

        public void Clear() => text.ResetWrittenCount();

        public void Literal(Segment segment) => text.Write(segment.Text);

        public void Value(ReadOnlySpan<char> value) => text.Write(value);
    }

    private readonly struct JsonSink : ISink
    {
        private readonly IBufferWriter<byte> _json;

        public JsonSink(IBufferWriter<byte> json)
        {
            _json = json;
            _json.Write("\""u8);
        }

        public void End() => _json.Write("\""u8);

        public void Literal(Segment segment) => _json.Write(segment.Json);

        public void Value(ReadOnlySpan<char> value) => RelaxedJson.WriteEscaped(_json, value);
    }

    /// <summary>The values a template may ask for, by the placeholder's name in the resources.</summary>
    private enum Slot { None, Name, Support, Account, Status, Weakness, Missing, Lacking, Role, Mode, Since, Days, Text, Outcome, Score, Threshold, Due, Count }

    /// <summary>
    /// A text from the resources cut once into literal parts and placeholders, so filling it in neither searches
    /// the text nor builds a dictionary. A placeholder of no known name stays literal text.
    /// </summary>
    private sealed class Template
    {
        public Template(string text)
        {
            var segments = new List<Segment>();
            var start = 0;
            while (start < text.Length)
            {
                var open = text.IndexOf('{', start);
                var close = open < 0 ? -1 : text.IndexOf('}', open + 1);
                if (close < 0)
                {
                    segments.Add(new Segment(text[start..], Slot.None));
                    break;
                }
                if (open > start) segments.Add(new Segment(text[start..open], Slot.None));
                var placeholder = text[open..(close + 1)];
                var name = placeholder[1..^1];
                var slot = Slot.None;
                if (name.Length > 0 && name.All(char.IsAsciiLetterLower) && Enum.TryParse(name, ignoreCase: true, out Slot named)) slot = named;
                segments.Add(new Segment(placeholder, slot));
                start = close + 1;
            }
            Segments = [.. segments];
        }

        public Segment[] Segments { get; }
    }

    /// <summary>A part of a template: literal text (also kept escaped for JSON), or a placeholder.</summary>
    private sealed class Segment(string text, Slot slot)
    {
        public string Text { get; } = text;
        public Slot Slot { get; } = slot;
        public byte[] Json { get; } = JsonEncodedText.Encode(text, RelaxedJson.Encoder).EncodedUtf8Bytes.ToArray();
    }

    private sealed record FlagTemplates(Template Message, Template Action, Template? ActionFor)
    {
        /// <summary>A manual flag about a person names them in its action.</summary>
        public Template ActionOf(RedFlag flag) => flag.Id == RedFlagIds.Manual && flag.Influence is not null ? ActionFor! : Action;
    }

    /// <summary>
    /// One culture's texts, shared by every <see cref="RedFlagWords"/> of that culture. What nearly every flag needs is
    /// looked up when the vocabulary is made; the rare words (a status, a mode) when first asked for.
    /// </summary>
    private sealed class Vocabulary(CultureInfo culture)
    {
        private readonly ConcurrentDictionary<string, Segment> _texts = new(StringComparer.Ordinal);

        private readonly FrozenDictionary<string, FlagTemplates> _flags = RedFlagIds.All.ToFrozenDictionary(
            id => id,
            id => new FlagTemplates(
                new Template(Lookup(id + ".Message", culture)),
                new Template(Lookup(id + ".Action", culture)),
                id == RedFlagIds.Manual ? new Template(Lookup("manual.ActionFor", culture)) : null),
            StringComparer.Ordinal);

        public string DateFormat { get; } = Lookup("DateFormat", culture);
        public Segment Separator { get; } = Words("Gap.Separator", culture);
        public Segment And { get; } = Words("Gap.And", culture);
        public Segment LowInfluence { get; } = Words("Gap.LowInfluence", culture);
        public Template LowSupport { get; } = new(Lookup("Gap.LowSupport", culture));
        public Segment[] Dimensions { get; } = [.. RedFlagWords.Dimensions.Select(d => Words(d.Key, culture))];
        public Segment Product { get; } = Words("Objective.Product", culture);
        public Segment Amount { get; } = Words("Objective.Amount", culture);
        public Segment CloseDate { get; } = Words("Objective.CloseDate", culture);

        public FlagTemplates Flag(string id) =>
            _flags.TryGetValue(id, out var words) ? words : throw new InvalidOperationException($"No words for the red flag '{id}'.");

        public Segment Text(string key) =>
            _texts.TryGetValue(key, out var text) ? text : _texts.GetOrAdd(key, Words(key, culture));

        /// <summary>A fixed text that fills a placeholder (a status, the separator of a list), kept escaped for JSON too.</summary>
        private static Segment Words(string key, CultureInfo culture) => new(Lookup(key, culture), Slot.None);

        private static string Lookup(string key, CultureInfo culture) =>
            Resources.GetString(key, culture) ?? throw new InvalidOperationException($"Missing red-flag words '{key}'.");
    }
}
