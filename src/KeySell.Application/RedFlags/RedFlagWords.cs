using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;
using System.Text;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Common;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Sheets;

namespace KeySell.Application.RedFlags;

/// <summary>
/// Puts a red flag into words a seller acts on: a message naming the person and the concrete gap,
/// and the method's suggested action, in English or Simplified Chinese.
/// </summary>
public sealed class RedFlagWords(CultureInfo culture)
{
    private static readonly ResourceManager Resources = new("KeySell.Application.Resources.RedFlagWords", typeof(RedFlagWords).Assembly);

    public static RedFlagWords English { get; } = new(CultureInfo.GetCultureInfo("en"));
    public static RedFlagWords Chinese { get; } = new(CultureInfo.GetCultureInfo("zh-CN"));

    public CultureInfo Culture { get; } = culture;

    /// <summary>
    /// ResourceManager lookups walk the culture fallback chain on every call, which dominated
    /// <c>analyze --jsonl</c>; the texts never change while the process runs, so each is looked up once.
    /// </summary>
    private readonly ConcurrentDictionary<string, string> _texts = new(StringComparer.Ordinal);

    public static RedFlagWords For(string? language) => language switch
    {
        null or "" or "en" => English,
        "zh-CN" or "zh" or "zh-Hans" => Chinese,
        _ => throw new ArgumentException($"Unsupported language '{language}'; use en or zh-CN.", nameof(language)),
    };

    public (string Message, string Action) Describe(RedFlag flag, SheetAnalysis analysis)
    {
        var influence = flag.Influence;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = influence?.Name ?? "",
            ["support"] = influence?.Support is { } s ? s.ToString("+0;-0;0", CultureInfo.InvariantCulture) : "?",
            ["account"] = analysis.Sheet.Opportunity.Account,
        };
        switch (flag.Id)
        {
            case "coach-gone":
                fields["status"] = Text("Status." + influence!.Status.ToId());
                break;
            case "coach-weak":
                fields["gap"] = CoachGap(influence!);
                break;
            case "missing-information":
                fields["gap"] = Join(Dimensions(flag.Missing));
                break;
            case "no-counterpart":
                fields["role"] = influence!.Influence == InfluenceLevel.High ? Text("Role.high") : Text("Role.economic");
                break;
            case "unreceptive-economic-buyer":
                fields["mode"] = Text("Mode." + influence!.Mode.ToId());
                break;
            case "incomplete-objective":
                fields["gap"] = Join(ObjectiveGaps(analysis.Sheet.Opportunity.Objective));
                break;
            case "new-player":
                fields["since"] = influence!.Since?.ToString(Text("DateFormat"), Culture) ?? "";
                break;
            case "stale":
                fields["days"] = analysis.Settings.StaleDays.ToString(CultureInfo.InvariantCulture);
                break;
            case "open-objection":
                fields["text"] = flag.Objection?.Text ?? "";
                break;
            case "not-win-win":
                fields["outcome"] = Text("Outcome." + analysis.Sheet.Opportunity.ExpectedOutcome!.Value.ToId());
                break;
            case "poor-fit":
                fields["score"] = analysis.Sheet.Opportunity.IdealCustomerScore?.ToString("0.##", Culture) ?? "";
                fields["threshold"] = analysis.Settings.FitThreshold.ToString("0.##", Culture);
                break;
            case RedFlagIds.Manual:
                fields["text"] = flag.Text ?? "";
                break;
        }

        var actionKey = flag.Id == RedFlagIds.Manual && influence is not null ? "manual.ActionFor" : flag.Id + ".Action";
        return (Fill(Text(flag.Id + ".Message"), fields), Fill(Text(actionKey), fields));
    }

    private string CoachGap(SheetInfluence coach)
    {
        var gaps = new List<string>(2);
        if (coach.Influence == InfluenceLevel.Low) gaps.Add(Text("Gap.LowInfluence"));
        if (coach.Support is { } support && support < Domain.RedFlags.Rules.CoachWeak.MinimumSupport)
            gaps.Add(Text("Gap.LowSupport").Replace("{support}", support.ToString("+0;-0;0", CultureInfo.InvariantCulture), StringComparison.Ordinal));
        return string.Join(Text("Gap.And"), gaps);
    }

    private IEnumerable<string> Dimensions(MissingDimensions missing)
    {
        foreach (var dimension in new[] { MissingDimensions.Roles, MissingDimensions.Influence, MissingDimensions.Support, MissingDimensions.Contact, MissingDimensions.Mode })
        {
            if (missing.HasFlag(dimension)) yield return Text("Dimension." + dimension);
        }
    }

    private IEnumerable<string> ObjectiveGaps(SheetObjective objective)
    {
        if (string.IsNullOrWhiteSpace(objective.Product)) yield return Text("Objective.Product");
        if (objective.Amount is null) yield return Text("Objective.Amount");
        if (objective.CloseDate is null) yield return Text("Objective.CloseDate");
    }

    private string Join(IEnumerable<string> parts) => string.Join(Text("Gap.Separator"), parts);

    private string Text(string key) =>
        _texts.TryGetValue(key, out var text) ? text : _texts.GetOrAdd(key, Lookup(key));

    private string Lookup(string key) =>
        Resources.GetString(key, Culture) ?? throw new InvalidOperationException($"Missing red-flag words '{key}'.");

    private static string Fill(string template, Dictionary<string, string> fields)
    {
        if (!template.Contains('{', StringComparison.Ordinal)) return template;
        var text = new StringBuilder(template);
        foreach (var (key, value) in fields) text.Replace("{" + key + "}", value);
        return text.ToString();
    }
}
