using KeySell.Web.Setup;

var builder = WebApplication.CreateBuilder(args);

builder.AddKeySellData();
builder.AddKeySellIdentity();
builder.AddKeySellSecurity();
builder.AddKeySellLocalization();
builder.AddKeySellApi();
builder.AddKeySellExports();
builder.AddKeySellUi();

var app = builder.Build();

await app.PrepareDatabaseAsync();

app.UseKeySellPipeline();
app.MapKeySellApi();
app.MapKeySellUi();

app.Run();

public partial class Program;
