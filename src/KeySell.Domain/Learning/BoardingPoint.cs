namespace KeySell.Domain.Learning;

/// <summary>
/// Self-check 1-1: at which point of the customer's buying journey the best seller boards it. The course's answer is
/// before the customer sets the project up — the seller who helps shape the project shapes its criteria too.
/// </summary>
public static class BoardingPoint
{
    public const string BeforeProject = "before-project";
    public const string AfterProject = "after-project";
    public const string AfterTender = "after-tender";

    /// <summary>The choices in the order the course lists the journey.</summary>
    public static IReadOnlyList<string> Choices { get; } = [BeforeProject, AfterProject, AfterTender];

    public static bool IsChoice(string? choice) => choice is not null && Choices.Contains(choice);

    /// <summary>One right answer: full marks or none.</summary>
    public static SelfCheckGrade Grade(string choice)
    {
        if (!IsChoice(choice)) throw new ArgumentOutOfRangeException(nameof(choice), choice, "Not a choice of self-check 1-1.");
        return choice == BeforeProject
            ? new SelfCheckGrade(1m, [choice], [])
            : new SelfCheckGrade(0m, [], [choice]);
    }
}
