using System.Text;
using KeySell.Application.Data;
using KeySell.Application.Opportunities;
using KeySell.Application.RedFlags;
using KeySell.Application.Resources;
using KeySell.Application.Sheets;
using KeySell.Domain.Common;
using KeySell.Domain.Learning;
using KeySell.Domain.Opportunities;
using KeySell.Domain.Sheets;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Learning;

/// <summary>A choice of a drill question: its id (a rule, a person's sheet id, a level) and its words.</summary>
public sealed record DrillChoice(string Id, string Label);

/// <summary>
/// One drill question about one deal. <see cref="Id"/> (<c>red-flag:{deal id}</c>) is what an answer names; the
/// answer is checked against the engine's judgement of the deal at the moment of answering.
/// </summary>
public sealed record DrillQuestion(
    string Id, string Topic, string TopicTitle, Guid OpportunityId, string OpportunityName, string AccountName, string Prompt,
    IReadOnlyList<DrillChoice> Choices, IReadOnlyList<DrillChoice>? Receptiveness, decimal? Score);

/// <summary>
/// What the drills share: a question's id, the day's seed, a deal judged as the sheet shows it, and a question's words.
/// The seed is a hash of the user and the day that every server computes alike (not <c>string.GetHashCode</c>, which
/// differs per process), so app servers behind a load balancer serve the same drill.
/// </summary>
internal static class DrillDeck
{
    public static string QuestionId(DrillTopic topic, Guid opportunityId) => $"{topic.ToId()}:{opportunityId:D}";

    public static bool TryParse(string? id, out DrillTopic topic, out Guid opportunityId)
    {
        topic = default;
        opportunityId = default;
        var colon = id?.IndexOf(':') ?? -1;
        return colon > 0 && MethodIds.TryParse(id![..colon], out topic) && Guid.TryParse(id[(colon + 1)..], out opportunityId);
    }

    /// <summary>A day's answer to a question is kept under this reference (one per user, question and day).</summary>
    public static string Reference(DateOnly day, string questionId) => $"{day:yyyy-MM-dd}/{questionId}";

    /// <summary>FNV-1a over the text's UTF-8: a stable seed for <see cref="Random"/>, the same on every machine.</summary>
    public static int Seed(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text)) hash = (hash ^ b) * 16777619u;
        return (int)(hash & 0x7FFFFFFF);
    }

    public static Random RandomFor(string userId, DateOnly day, string? questionId = null) =>
        new(Seed($"{userId}|{day:yyyy-MM-dd}|{questionId}"));

    /// <summary>The deal as its sheet shows it today, judged by the team's analyzer; null when the caller may not read it.</summary>
    public static async Task<(Opportunity Deal, SheetAnalysis Analysis)?> JudgeAsync(AppDbContext db, StrategyAnalyzer analyzer, Guid id, DateOnly today, CancellationToken ct)
    {
        var deal = await db.Opportunities.AsNoTracking().WithSheet().FirstOrDefaultAsync(o => o.Id == id, ct);
        return deal is null ? null : (deal, analyzer.Analyze(ExportSheet.ToSheet(deal, today), today));
    }

    public static DrillQuestion Ask(DrillTopic topic, Opportunity deal, SheetAnalysis analysis, Random random, decimal? score)
    {
        var words = RedFlagWords.Current;
        var choices = DrillQuestions.ChoicesFor(topic, analysis, random).Select(id => new DrillChoice(id, topic switch
        {
            DrillTopic.RedFlag or DrillTopic.NextStep => words.Name(id),
            DrillTopic.EconomicBuyer => PersonLabel(analysis.Sheet.Influences.First(i => i.Id == id)),
            _ => LearningWords.Format("Level." + id),
        })).ToList();
        var prompt = topic == DrillTopic.FunnelLevel
            ? LearningWords.Format("Drill.funnel-level", deal.Name, LevelName(deal.FunnelLevel))
            : LearningWords.Format("Drill." + topic.ToId(), deal.Name);
        IReadOnlyList<DrillChoice>? receptive = topic == DrillTopic.EconomicBuyer
            ? Enum.GetValues<Receptiveness>().Select(r => new DrillChoice(r.ToId(), LearningWords.Format("Receptive." + r.ToId()))).ToList()
            : null;
        return new DrillQuestion(QuestionId(topic, deal.Id), topic.ToId(), LearningWords.Format("Topic." + topic.ToId()), deal.Id, deal.Name,
            deal.Account?.Name ?? "", prompt, choices, receptive, score);
    }

    public static string PersonLabel(SheetInfluence person) => person.Title is { Length: > 0 } title ? $"{person.Name} · {title}" : person.Name;

    /// <summary>An open deal's funnel level in words.</summary>
    public static string LevelName(FunnelLevel level) => LearningWords.Format("Level." + level.ToId());
}
