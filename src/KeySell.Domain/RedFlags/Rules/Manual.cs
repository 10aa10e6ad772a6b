namespace KeySell.Domain.RedFlags.Rules;

/// <summary><c>manual</c>: the red flags the seller raised by hand, reported as written.</summary>
public sealed class Manual : IRedFlagRule
{
    public string Id => RedFlagIds.Manual;
    public RedFlagSeverity Severity => RedFlagSeverity.Warning;

    public void Find(RuleContext context, List<RedFlag> found)
    {
        foreach (var flag in context.Sheet.RedFlags)
        {
            var influence = flag.Influence is null ? null : context.Sheet.Influences.FirstOrDefault(i => i.Id == flag.Influence);
            found.Add(new RedFlag(Id, influence) { Text = flag.Text });
        }
    }
}
