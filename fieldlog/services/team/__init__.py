"""The team: set-up, work groups and members, this laptop's member, counties, industry chains."""
