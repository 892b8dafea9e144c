"""The demo dispatch (SPEC §3.7): a month of 铜仁市驻深招商工作队 in Shenzhen, loaded in one go.

Everything goes through the services inside one unit of work, so a load stores all or nothing.
The choices are seeded, so two loads hold the same data (ids and clocks aside), and every counted
event lies inside the dispatch, so its figures are exactly those of the 2020 reference case.

`loader` runs the steps in order over a shared `state.LoadState`: `team_plan`, `projects_plan`
(specs), `orgs_plan`, `projects_plan` (projects), `visits_plan`; `names` and `texts` hold the
fictional names, places and phrases they draw from.
"""

from fieldlog.services.admin.demo.loader import DemoRefused, DemoSummary, demo_refusal, load_demo
from fieldlog.services.admin.demo.state import DEMO_AS_OF, DEMO_PERIOD

__all__ = ["DEMO_AS_OF", "DEMO_PERIOD", "DemoRefused", "DemoSummary", "demo_refusal", "load_demo"]
