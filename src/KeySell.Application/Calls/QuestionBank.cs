using System.Collections;
using System.Globalization;
using System.Resources;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Calls;
using KeySell.Domain.Common;
using KeySell.Domain.OrgCharts;

namespace KeySell.Application.Calls;

/// <summary>Whom a suggested question is written for: anyone, one buying role, or the top officer (VITO).</summary>
public enum QuestionAudience
{
    Any = 0,
    Coach = 1,
    User = 2,
    Technical = 3,
    Economic = 4,
    TopOfficer = 5,
}

/// <summary>A question the bank suggests, and whom it was written for.</summary>
public sealed record SuggestedQuestion(string Text, QuestionAudience For);

/// <summary>The suggestions of one SPIN type, in the order the seller should weigh them.</summary>
public sealed record SuggestedQuestions(SpinType Type, IReadOnlyList<SuggestedQuestion> Questions);

/// <summary>
/// The bilingual question bank of call plans (METHODOLOGY §10): SPIN questions per type — situation (背景问题), problem
/// (难点问题), implication (暗示问题), need-payoff (需求-效益问题) — for anyone and per buying role, and results-first
/// questions for the top officer (ROI, cash flow, productivity: table 4-1's economic column), who owns the result and
/// wants to talk about it rather than about our product (Selling to VITO). The texts live in the resources
/// (<c>Resources/QuestionBank.resx</c> and its zh-Hans twin), keyed <c>{type}.{audience}.{n}</c>; this class only picks.
/// </summary>
public static class QuestionBank
{
    private static readonly ResourceManager Resources = new("KeySell.Application.Resources.QuestionBank", typeof(QuestionBank).Assembly);

    /// <summary>Every question's key by type and audience, read once from the neutral resources in the keys' own order.</summary>
    private static readonly Lazy<IReadOnlyList<(SpinType Type, QuestionAudience For, string Key)>> Keys = new(ReadKeys);

    /// <summary>
    /// The suggestions for a call with these people, by SPIN type in SPIN order: the top officer's results-first
    /// questions first when one of them is the top officer, then each buying role's (coach, user, technical,
    /// economic) that one of them holds, then the questions for anyone.
    /// </summary>
    public static IReadOnlyList<SuggestedQuestions> For(IEnumerable<(BuyingRoles Roles, Seniority Seniority)> with, CultureInfo culture)
    {
        var audiences = AudiencesOf(with);
        return Enum.GetValues<SpinType>()
            .Select(type => new SuggestedQuestions(type, audiences
                .SelectMany(audience => Keys.Value.Where(k => k.Type == type && k.For == audience))
                .Select(k => new SuggestedQuestion(Text(k.Key, culture), k.For))
                .ToList()))
            .ToList();
    }

    /// <summary>The audiences a call with these people calls for, in the order their questions are offered.</summary>
    public static IReadOnlyList<QuestionAudience> AudiencesOf(IEnumerable<(BuyingRoles Roles, Seniority Seniority)> with)
    {
        var people = with.ToList();
        var audiences = new List<QuestionAudience>();
        if (people.Any(p => p.Seniority == Seniority.TopOfficer)) audiences.Add(QuestionAudience.TopOfficer);
        foreach (var (role, audience) in RoleAudiences)
        {
            if (people.Any(p => (p.Roles & role) == role)) audiences.Add(audience);
        }
        audiences.Add(QuestionAudience.Any);
        return audiences;
    }

    /// <summary>Every key of the bank, for the test that both languages hold the same questions.</summary>
    public static IEnumerable<string> AllKeys => Keys.Value.Select(k => k.Key);

    private static readonly (BuyingRoles Role, QuestionAudience Audience)[] RoleAudiences =
    [
        (BuyingRoles.Coach, QuestionAudience.Coach), (BuyingRoles.User, QuestionAudience.User),
        (BuyingRoles.Technical, QuestionAudience.Technical), (BuyingRoles.Economic, QuestionAudience.Economic),
    ];

    private static string Text(string key, CultureInfo culture) =>
        Resources.GetString(key, culture) ?? throw new InvalidOperationException($"Missing question resource '{key}'.");

    private static IReadOnlyList<(SpinType, QuestionAudience, string)> ReadKeys()
    {
        var set = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
                  ?? throw new InvalidOperationException("The question bank's resources are missing.");
        var keys = new List<(SpinType Type, QuestionAudience For, int N, string Key)>();
        foreach (DictionaryEntry entry in set)
        {
            var key = (string)entry.Key;
            var parts = key.Split('.');
            if (parts.Length != 3 || !MethodIds.TryParse<SpinType>(parts[0], out var type) || !MethodIds.TryParse<QuestionAudience>(parts[1], out var audience)
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                throw new InvalidOperationException($"The question key '{key}' is not '{{type}}.{{audience}}.{{n}}'.");
            keys.Add((type, audience, n, key));
        }
        return keys.OrderBy(k => k.Type).ThenBy(k => k.For).ThenBy(k => k.N).Select(k => (k.Type, k.For, k.Key)).ToList();
    }
}
