namespace KeySell.Application.Colleagues;

public sealed record ColleagueDetail(Guid Id, string Name, string? Title, string? Email, int Version);
