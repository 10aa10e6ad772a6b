namespace KeySell.Domain.Accounts;

public static class IdealCustomer
{
    public const decimal MinScore = -5;
    public const decimal MaxScore = 5;
}
