namespace KeySell.Application.Imports;

/// <summary>One problem of one row: the row as a spreadsheet numbers it (the column names are row 1) and the file's column.</summary>
public sealed record ImportProblem(long Row, string? Column, string Message);
