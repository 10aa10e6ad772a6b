using KeySell.Domain.BuyingInfluences;

namespace KeySell.Domain.Learning;

/// <summary>
/// Self-check 2-1: in an org chart, whom to contact and which role each plays, graded against the roles a real deal
/// records for those people. Each person the deal maps with a role must be chosen with one of that person's roles;
/// choosing someone who plays no role on the deal is wrong too; and every role the deal has but no right choice covers
/// is named as missed ("no coach chosen").
/// </summary>
public static class OrgChartContacts
{
    public sealed record Grade(SelfCheckGrade Score, IReadOnlyList<Guid> Missed, IReadOnlyList<Guid> WrongRole, IReadOnlyList<Guid> NotOnTheDeal, IReadOnlyList<BuyingRoles> RolesMissed);

    private static readonly BuyingRoles[] Roles = [BuyingRoles.Coach, BuyingRoles.User, BuyingRoles.Technical, BuyingRoles.Economic];

    /// <param name="recorded">The deal's people with the roles it records for them (people without a role are left out).</param>
    /// <param name="chosen">The people the learner would contact, each with the one role the learner gives them.</param>
    public static Grade GradeAnswer(IReadOnlyDictionary<Guid, BuyingRoles> recorded, IReadOnlyDictionary<Guid, BuyingRoles> chosen)
    {
        foreach (var role in chosen.Values)
        {
            if (!Roles.Contains(role)) throw new ArgumentOutOfRangeException(nameof(chosen), role, "Each person chosen takes exactly one buying role.");
        }
        var (correct, wrong) = (new List<string>(), new List<string>());
        var (missed, wrongRole, notOnDeal) = (new List<Guid>(), new List<Guid>(), new List<Guid>());
        var covered = BuyingRoles.None;
        foreach (var (person, roles) in recorded.Where(r => r.Value != BuyingRoles.None).OrderBy(r => r.Key))
        {
            if (!chosen.TryGetValue(person, out var given)) { missed.Add(person); wrong.Add(person.ToString()); }
            else if (!roles.HasFlag(given)) { wrongRole.Add(person); wrong.Add(person.ToString()); }
            else { covered |= given; correct.Add(person.ToString()); }
        }
        foreach (var person in chosen.Keys.Where(p => !recorded.TryGetValue(p, out var roles) || roles == BuyingRoles.None).OrderBy(p => p))
        {
            notOnDeal.Add(person);
            wrong.Add(person.ToString());
        }
        var onDeal = recorded.Values.Aggregate(BuyingRoles.None, (all, r) => all | r);
        var rolesMissed = Roles.Where(r => onDeal.HasFlag(r) && !covered.HasFlag(r)).ToList();
        var total = correct.Count + wrong.Count;
        var score = total == 0 ? 0m : Math.Round((decimal)correct.Count / total, 4);
        return new Grade(new SelfCheckGrade(score, correct, wrong), missed, wrongRole, notOnDeal, rolesMissed);
    }
}
