using OfficeBot.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddOfficeStorage();
builder.AddOfficeApplication();
builder.AddOfficeBot();
builder.AddOfficeTelemetry();

var app = builder.Build();

app.MapOfficeBot();

app.Run();

/// <summary>Exposed for the in-process tests (WebApplicationFactory).</summary>
public partial class Program;
