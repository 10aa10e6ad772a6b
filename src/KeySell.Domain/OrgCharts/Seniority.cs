namespace KeySell.Domain.OrgCharts;

/// <summary>
/// How high a person sits. The top officer (VITO, 决策层的最高层) is the one who owns the result of this project, not
/// necessarily the chief executive.
/// </summary>
public enum Seniority
{
    Unknown = 0,
    Staff = 1,
    Manager = 2,
    Executive = 3,
    TopOfficer = 4,
}
