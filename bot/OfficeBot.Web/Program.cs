using OfficeBot.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddOfficeStorage();
builder.AddOfficeApplication();
builder.AddOfficeBot();
builder.AddOfficeTelemetry();
builder.AddOfficeHealth();

var app = builder.Build();

app.MapOfficeBot();
app.MapOfficeHealth();

app.Run();

/// <summary>Exposed for the in-process tests (WebApplicationFactory).</summary>
public partial class Program;
