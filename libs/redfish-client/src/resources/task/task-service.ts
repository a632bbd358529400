import { ResourceCollection } from '../collection';
import { bool, link, str } from '../fields';
import { Resource, withFields } from '../resource';
import { Task } from './task';

/** The TaskService: the BMC's list of tasks. */
export class TaskService extends withFields(Resource, {
  id: str('Id'),
  name: str('Name'),
  serviceEnabled: bool('ServiceEnabled'),
  tasksPath: link('Tasks'),
}) {
  tasks(): Promise<ResourceCollection<Task> | undefined> {
    return this.follow(this.tasksPath, ResourceCollection.of((init) => new Task(init)));
  }
}
